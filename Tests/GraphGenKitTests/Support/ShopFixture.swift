@testable import GraphGenKit

/// A small API written for unit tests of the model and the planners: an entity set, contained and non-contained
/// navigation, derived types, an enum and a bound action, with one page documenting a create.
enum ShopFixture {
    static let schema = """
    namespace: example.shop
    module: Shop
    root:
      - name: stores
        type: store
        collection: true
        operations: [list, get]
    enums:
      - name: kind
        members: [new, used]
    entities:
      - name: store
        properties:
          - { name: id, type: String }
          - { name: name, type: String }
        navigation:
          - { name: products, target: product, operations: [list, create, get, update, delete] }
          - { name: featured, target: product, collection: false, contained: false, operations: [get] }
      - name: product
        properties:
          - { name: id, type: String }
          - { name: price, type: Double }
          - { name: kind, type: kind }
        actions:
          - { name: discount, parameters: [{ name: percent, type: Int32, nullable: false }], returns: product }
      - name: book
        base: product
        properties:
          - { name: isbn, type: String }
      - name: game
        base: product
        properties:
          - { name: players, type: Int32 }
    """

    static let createPage = """
    ---
    title: "Create product"
    ---
    # Create product

    Create a product in a store.

    ## HTTP request

    ```http
    POST /stores/{storeId}/products
    ```

    ## Response

    If successful, this method returns a `201 Created` response code and a [product](product.md) object in the response body.

    ## Example

    ### Request

    <!-- { "blockType": "request", "name": "create_book" } -->
    ```http
    POST https://graph.microsoft.com/v1.0/stores/s%201/products
    Content-Type: application/json

    {"@odata.type": "#example.shop.book", "price": 3.5, "isbn": "978", "kind": "refurbished", "shelf": "B"}
    ```

    ### Response

    <!-- { "blockType": "response" } -->
    ```http
    HTTP/1.1 201 Created
    Content-Type: application/json

    {"id": "p1", "@odata.type": "#example.shop.book", "price": 3.5, "isbn": "978"}
    ```
    """

    static func model() throws -> APIModel {
        let schema = try SchemaDecoder.decode(Self.schema, file: "shop.yaml")
        let page = try PageReader.read(text: createPage, file: "create-product.md").page
        return ModelBuilder.build(schema: schema, pages: [page])
    }
}

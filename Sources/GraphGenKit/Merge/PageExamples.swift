extension ModelExample {
    /// What the model keeps of a page's example.
    init(_ example: Example) {
        self.init(
            index: example.index, name: example.request?.annotation?.name,
            request: example.request.map(Request.init), response: example.response.map(Response.init))
    }
}

extension ModelExample.Request {
    init(_ request: ExampleRequest) {
        self.init(method: request.method, path: request.path, body: request.body, bodyText: request.bodyText, location: request.location)
    }
}

extension ModelExample.Response {
    init(_ response: ExampleResponse) {
        self.init(
            statusCode: response.statusCode, body: response.body, bodyText: response.bodyText,
            odataType: response.annotation.flatMap { annotation in annotation.odataType.map { Located($0, at: annotation.location) } },
            location: response.location)
    }
}

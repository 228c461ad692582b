import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Answers 400 and closes a connection whose first request line carries no HTTP version (an HTTP/0.9 request):
/// the HTTP decoder would wait for the rest of a head that never comes until the idle timeout. Once a line with a
/// version has passed, the guard leaves the pipeline.
final class RequestLineGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The start of the line so far; the version is at its end, and a request line longer than this is the
    /// decoder's to judge.
    private var line: [UInt8] = []
    private static let longestLine = 16 << 10

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data).readableBytesView
        var cursor = bytes.startIndex
        while let newline = bytes[cursor...].firstIndex(of: UInt8(ascii: "\n")) {
            append(bytes[cursor..<newline])
            cursor = newline + 1
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            // Empty lines before a request line are allowed (RFC 9112, 2.2).
            if line.isEmpty { continue }
            guard Self.hasVersion(line) else {
                let answer = "HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
                context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: answer)), promise: nil)
                context.close(promise: nil)
                return
            }
            context.fireChannelRead(data)
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
            return
        }
        append(bytes[cursor...])
        context.fireChannelRead(data)
    }

    private func append(_ slice: ByteBufferView.SubSequence) {
        line += slice.prefix(max(0, Self.longestLine - line.count))
    }

    /// `METHOD TARGET HTTP/x.y`: the last word names the version.
    static func hasVersion(_ line: [UInt8]) -> Bool {
        guard let space = line.lastIndex(of: UInt8(ascii: " ")) else { return false }
        return line[(space + 1)...].starts(with: Array("HTTP/".utf8))
    }
}

/// Hummingbird's HTTP/1 channel with the request-line guard in front of its decoder.
struct GuardedHTTP1Channel: ServerChildChannel {
    let inner: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(RequestLineGuard(), position: .first)
        }.flatMap { inner.setup(channel: channel, logger: logger) }
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 as `.http1(configuration:)` gives it, refusing HTTP/0.9 request lines at once.
    static func guardedHTTP1(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        .init { responder in GuardedHTTP1Channel(inner: HTTP1Channel(responder: responder, configuration: configuration)) }
    }
}

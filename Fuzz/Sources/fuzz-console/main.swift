// The console from a client's side: bytes on the socket go through the
// framing (ConsoleWire, over a socket pair), the request decoder and the
// command tree kefud matches them against (match, help, completion), and
// the same words through `kefu`'s own dispatch. Answers are decoded as the
// client decodes them.
import Accounts
import Console
import Glibc
import LibFuzzer

/// The bytes as the listener would read them: frames until the data ends.
func frames(_ bytes: [UInt8]) -> [[UInt8]] {
    // A fresh pair per input: nothing is left over from the last one.
    var fds: [Int32] = [0, 0]
    precondition(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0, "socketpair")
    defer { close(fds[1]) }
    var timeout = timeval(tv_sec: 1, tv_usec: 0)
    setsockopt(fds[1], SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let written = bytes.withUnsafeBytes { write(fds[0], $0.baseAddress, $0.count) }
    precondition(written == bytes.count, "socket pair took \(written) of \(bytes.count) bytes")
    close(fds[0])
    var out: [[UInt8]] = []
    while out.count < 8 {
        do {
            guard let frame = try ConsoleWire.receive(fds[1]) else { break }
            out.append(frame)
        } catch {
            precondition(!error.description.isEmpty, "framing refused without a reason")
            break
        }
    }
    return out
}

func words(_ list: [String], language: ConsoleLanguage) {
    let commands = ConsoleCatalog.all
    switch commands.match(list, language: language) {
    case .success(let invocation):
        precondition(list.starts(with: invocation.command.words), "matched a command the words do not name")
    case .failure(let usage):
        precondition(usage.status != 0 && !usage.errors.isEmpty, "a refused command without a reason")
    }
    for role in [Operator.Role.viewer, .supervisor, .admin] { _ = commands.help(list, role: role, language: language) }
    if let last = list.last { _ = commands.completions(before: Array(list.dropLast()), partial: last) }
    _ = ConsoleDispatch.decide(list, environment: ["LANG": language == .chinese ? "zh_CN.UTF-8" : "C"])
}

exit(kefu_fuzz_run(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Limit the socket pair's buffer use: the framing caps messages at 1 MB.
    guard bytes.count <= 64 * 1024 else { return 0 }
    for frame in frames(bytes) {
        if let request = ConsoleRequest.decode(frame) {
            words(request.arguments, language: request.language)
            precondition(ConsoleRequest.decode(request.encoded) == request, "a request does not survive encoding")
        }
        _ = ConsoleAnswer.decode(frame)
    }
    if let request = ConsoleRequest.decode(bytes) { words(request.arguments, language: request.language) }
    words(String(decoding: bytes, as: UTF8.self).split(separator: " ").map(String.init), language: .english)
    return 0
})

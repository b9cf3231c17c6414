#if canImport(Glibc)
import Glibc
#endif

/// Runs the helper programs setup needs (espeak-ng, sox, dahdi_cfg) with
/// posix_spawn: no shell, standard input from /dev/null, the output
/// collected (stdout and stderr together) or discarded.
enum SetupProcess {
    /// The exit status (-1: could not start or was killed) and the output.
    static func run(_ program: String, _ arguments: [String], collect: Bool = false) -> (status: Int32, output: String) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if collect && pipe(&pipeEnds) == 0 {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 2)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, program, &actions, nil, argv, environ) == 0
        if pipeEnds[1] >= 0 { close(pipeEnds[1]) }
        var output: [UInt8] = []
        if pipeEnds[0] >= 0 {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while started {
                let n = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { break }
                output += buffer[0..<n]
            }
            close(pipeEnds[0])
        }
        guard started else { return (-1, "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which do not import.
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : -1, String(decoding: output, as: UTF8.self))
    }
}

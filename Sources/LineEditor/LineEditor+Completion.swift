/// Tab: completes the word before the cursor from `completion`'s candidates,
/// or lists them below the line and redraws the prompt and line after.
extension LineEditor {
    mutating func complete(repeated: Bool) -> [UInt8] {
        guard let completion else { return [] }
        let start = Completion.wordStart(in: buffer.characters, cursor: buffer.cursor)
        let word = String(buffer.characters[start..<buffer.cursor])
        let candidates = completion(buffer.text, buffer.cursor)
        switch Completion.action(word: word, candidates: candidates, repeated: repeated) {
        case .replaceWord(let text):
            buffer.replace(start..<buffer.cursor, with: text)
            return refresh()
        case .none:
            return [0x07]                           // BEL
        case .list(let items):
            var output: [UInt8] = [0x0D, 0x0A]
            for row in Completion.columns(items, width: width) {
                output += Array(row.utf8) + [0x0D, 0x0A]
            }
            screen = .empty
            return output + refresh()
        }
    }
}

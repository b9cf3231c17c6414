import Testing
import Records

private func item(_ id: Int64, _ agent: String, _ day: String, _ score: Int) -> ReviewItem {
    ReviewItem(callID: id, agent: agent, day: day, score: score)
}

@Suite struct ReviewListTests {
    let items = [
        item(1, "1002", "2024-03-02", 70),
        item(2, "1001", "2024-03-02", 90),
        item(3, "1001", "2024-03-01", 40),
        item(4, "1001", "2024-03-01", 95),
        item(5, "1001", "2024-03-01", 60),
        item(6, "1002", "2024-03-01", 55),
        item(7, "1001", "2024-03-02", 30),
        item(8, "1001", "2024-03-02", 30),
        item(9, "1001", "2024-03-02", 85),
        item(10, "1002", "2024-03-02", 100),
    ]

    @Test("The worst two per agent per day, ordered by day, agent, score, ties by call id")
    func worstTwo() {
        #expect(ReviewList.worst(items, perAgentPerDay: 2).map(\.callID) == [
            3, 5,      // 2024-03-01 1001: 40, 60 (95 left out)
            6,         // 2024-03-01 1002: its only call
            7, 8,      // 2024-03-02 1001: 30, 30 by call id (85, 90 left out)
            1, 10,     // 2024-03-02 1002: 70, 100
        ])
    }

    @Test("One per agent per day picks the lowest call id among equal scores")
    func worstOne() {
        #expect(ReviewList.worst(items, perAgentPerDay: 1)
                == [item(3, "1001", "2024-03-01", 40), item(6, "1002", "2024-03-01", 55),
                    item(7, "1001", "2024-03-02", 30), item(1, "1002", "2024-03-02", 70)])
    }

    @Test("Asking for none, or giving none, gives an empty list; asking for many gives all, sorted")
    func edges() {
        #expect(ReviewList.worst(items, perAgentPerDay: 0).isEmpty)
        #expect(ReviewList.worst([], perAgentPerDay: 3).isEmpty)
        #expect(ReviewList.worst(items, perAgentPerDay: 10).map(\.callID) == [3, 5, 4, 6, 7, 8, 9, 2, 1, 10])
    }
}

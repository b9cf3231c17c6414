import Records

/// Offers made to each agent in the window and those that ended without an
/// answer, from the queue events (`offered`, `offer-ended`), by `at`.
struct OfferCount {
    private(set) var offers: [Int] = []
    private(set) var missed: [Int] = []

    mutating func count(_ events: [StoredQueueEvent], window: ReportWindow, agents: inout AgentRegistry) {
        for event in events where window.contains(event.at) {
            guard let name = event.agent else { continue }
            let isOffer = event.kind == "offered"
            guard isOffer || event.kind == "offer-ended" else { continue }
            let agent = agents.id(name)
            while offers.count <= agent {
                offers.append(0)
                missed.append(0)
            }
            if isOffer { offers[agent] += 1 } else { missed[agent] += 1 }
        }
    }

    /// Adds offers and missed offers of an agent (registry number).
    mutating func add(agent: Int, offers count: Int, missed missedCount: Int) {
        while offers.count <= agent {
            offers.append(0)
            missed.append(0)
        }
        offers[agent] += count
        missed[agent] += missedCount
    }

    func offers(agent: Int) -> Int { agent < offers.count ? offers[agent] : 0 }
    func missed(agent: Int) -> Int { agent < missed.count ? missed[agent] : 0 }
}

// ACD — automatic call distribution: queues, agents, routing and queue
// accounting.
//
// What it does: keeps every queue's callers in order (VIP callers get a head
// start that ages away), keeps every agent's state (logged out, available,
// ringing, on call, wrap-up, paused), decides whose phone rings for which
// caller (a routing strategy per queue, chosen from one table), times ring
// offers, wrap-up, maximum waits, announcements and callback retries, places
// callbacks without using more than a share of the outside lines, counts
// service level per queue, and repairs its own state when it disagrees with
// the lines (the reconciler).
//
// How it works: `ACDEngine` is a value. Its owner feeds it `ACDEvent`s with
// the time (`now`, in samples) and performs the `ACDAction`s it returns
// (ring a phone, bridge a call, play a prompt); the engine never reads a
// clock, never does IO and draws randomness from a seeded generator. It asks
// to be called again at `nextWakeup` with `.tick`. A simulated day is then a
// loop over a heap of events and runs in well under a second; tests drive it
// call by call.
//
// Files: Identifiers, Configuration (+Queue, +Agent), Events, Actions,
// AgentStatus, Statistics; ACDEngine (state, entry point, queries) and its
// extensions +Callers (arrival, abandon, overflow, callback requests),
// +Routing (who rings), +Agents (answer, miss, hang-up, wrap-up, login,
// pause), +FeatureCodes, +Callbacks (dialling out), +Timers (ticks, wakeups,
// announcements); Reconciler; RoutingStrategy and Strategies/ (one file per
// strategy, registered in RoutingStrategies.table); ACDConfigurationMapping
// (the box's config file → `ACDConfiguration`).
import Telephony

extension SampleTime {
    /// Seconds as a span of time, for configuration written by hand.
    @inlinable public static func seconds(_ s: Double) -> SampleTime { SampleTime(seconds: s) }
}

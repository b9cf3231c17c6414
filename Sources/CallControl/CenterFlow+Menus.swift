import ACD
import Channels
import Config
import IVR
import MediaLoop
import Telephony

/// The voice menus and the survey: events in, their actions carried out
/// (prompts played back to back, language, call data, routes, the survey's
/// score, hang-up).
extension CenterFlow {
    /// Prompts whose audio is missing make an engine step straight on; this
    /// bounds such chains within one event.
    static let maxChain = 16

    /// Sends an event to the engine that has the call (the survey once it
    /// runs, else the menus) and carries out what it answers.
    mutating func feed(_ id: CallID, _ event: IVREvent, depth: Int = 0) {
        guard var session = sessions[id] else { return }
        let actions: [IVRAction]
        if var survey = session.survey {
            actions = survey.on(event, now: now)
            session.survey = survey
        } else if var ivr = session.ivr {
            actions = ivr.on(event, now: now)
            session.ivr = ivr
            if let menu = ivr.currentMenu, menu != session.lastMenu {
                session.lastMenu = menu
                calls[id]?.menuPath.append(menu)
            }
        } else {
            return
        }
        sessions[id] = session
        for action in actions { perform(id, action, depth: depth) }
    }

    private mutating func perform(_ id: CallID, _ action: IVRAction, depth: Int) {
        guard sessions[id] != nil else { return }  // released by an earlier action
        switch action {
        case .play(let prompt, let files, _):
            play(id, files.map(\.path), owner: .menu(prompt), depth: depth)
        case .stopPrompt(let prompt):
            if sessions[id]?.playback?.owner == .menu(prompt) { stopPlayback(id) }
        case .setLanguage(let code):
            sessions[id]?.language = code
            calls[id]?.language = code
        case .setCallData(let key, let value):
            calls[id]?.data[key] = value
        case .route(let route):
            self.route(id, route)
        case .recordSurvey(let result):
            calls[id]?.surveyScore = result.score
        case .hangup:
            release(id, .menuHangUp, reason: engineReason(id))
        }
    }

    // MARK: Prompts

    /// Plays prompt files (`zh/welcome.wav`) back to back on the caller's line.
    mutating func play(_ id: CallID, _ files: [String], owner: PlaybackOwner, depth: Int = 0) {
        guard let line = sessions[id]?.line else { return }
        var items: [MediaPrompt] = []
        for file in files {
            if let prompt = plan.prompts[file] { items.append(prompt) } else { note("prompt \(file) is not loaded: skipped") }
        }
        guard let first = items.first else {
            stopPlayback(id)
            playlistEnded(id, owner, depth: depth + 1)
            return
        }
        sessions[id]?.playback = Playback(owner: owner, items: items, at: now)
        media(.play(line, first, loop: false))
    }

    mutating func stopPlayback(_ id: CallID) {
        guard let line = sessions[id]?.line else { return }
        sessions[id]?.playback = nil
        media(.stopPlayback(line))
    }

    mutating func playbackFinished(_ line: ChannelNumber, _ prompt: MediaPrompt) {
        guard let id = lines[line]?.call, var playback = sessions[id]?.playback, playback.isEnd(of: prompt, at: now) else { return }
        if let next = playback.advance(at: now) {
            sessions[id]?.playback = playback
            media(.play(line, next, loop: false))
            return
        }
        sessions[id]?.playback = nil
        playlistEnded(id, playback.owner, depth: 0)
    }

    private mutating func playlistEnded(_ id: CallID, _ owner: PlaybackOwner, depth: Int) {
        guard depth < Self.maxChain else {
            note("a menu went round without playing anything (prompts missing?): the caller is released")
            release(id, .menuHangUp)
            return
        }
        switch owner {
        case .menu(let prompt): feed(id, .promptFinished(id: prompt), depth: depth)
        case .queueMessage: resumeMusic(id)
        case .farewell(let end): release(id, end)
        case .messageGreeting: startMessage(id)
        }
    }

    /// Hold music for a caller in a queue, when nothing else plays.
    mutating func resumeMusic(_ id: CallID) {
        guard let session = sessions[id], session.playback == nil, case .queued = lines[session.line] ?? .idle else { return }
        if let music = session.music { media(.play(session.line, music, loop: true)) } else { media(.stopPlayback(session.line)) }
    }

    // MARK: Routes

    /// Where the menus hand the call on to.
    mutating func route(_ id: CallID, _ route: Route) {
        switch route {
        case .queue(let name):
            join(id, queue: name)
        case .agent(let agent):
            join(id, queue: ACDConfigurationMapping.personalQueueID(agent).rawValue)
        case .dial(let group, let number):
            transferOut(id, group: group, number: number)
        case .voicemail(let box):
            leaveMessage(id, box: box)
        case .callback(let queue):
            requestCallback(id, queue: queue)
        }
    }

    /// A queue's overflow action, taken on by the call flow: another queue,
    /// a menu, or one of the routes above.
    mutating func perform(_ id: CallID, _ action: MenuAction) {
        switch action {
        case .queue(let name):
            join(id, queue: name)
        case .menu(let name):
            enterMenu(id, name)
        case .agent(let agent):
            route(id, .agent(agent))
        case .dial(let line, let number):
            route(id, .dial(line: line, number: number))
        case .voicemail(let box):
            route(id, .voicemail(box))
        case .callback(let queue):
            route(id, .callback(queue: queue))
        case .language(let code, let then):
            sessions[id]?.language = code
            calls[id]?.language = code
            if let then { enterMenu(id, then) } else { release(id, .queueRefused) }
        case .hangup, .repeat, .back:
            release(id, .queueRefused)
        }
    }

    /// Starts the menus again at `name` (a caller sent back from a queue).
    private mutating func enterMenu(_ id: CallID, _ name: String) {
        guard let session = sessions[id] else { return }
        stopPlayback(id)
        lines[session.line] = .menu(id)
        sessions[id]?.queue = nil
        sessions[id]?.music = nil
        sessions[id]?.ivr = IVREngine(plan: plan.ivr, entry: name, language: session.language)
        sessions[id]?.lastMenu = nil
        feed(id, .start(wallClock))
    }
}

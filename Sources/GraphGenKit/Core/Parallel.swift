import Dispatch

/// Maps over items on every core; results keep the input order, so output never depends on scheduling.
enum Parallel {
    static func map<Input, Output>(_ items: [Input], _ transform: (Input) -> Output) -> [Output] {
        if items.count < 2 { return items.map(transform) }
        let results = ResultSlots<Output>(count: items.count)
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedBox((items, transform))
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                results.set(index, work.value.1(work.value.0[index]))
            }
        }
        return results.values()
    }

    /// Runs `background` on another thread while `foreground` runs on this one (and may itself use every core), and
    /// waits for both: for serial work that can overlap work of another stage.
    static func pair<Foreground, Background>(_ foreground: () throws -> Foreground,
                                             background: @escaping () -> Background) rethrows -> (Foreground, Background) {
        let result = ResultSlots<Background>(count: 1)
        let work = UncheckedBox(background)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { result.set(0, work.value()) }
        defer { group.wait() }
        let first = try foreground()
        group.wait()
        return (first, result.value(at: 0))
    }
}

/// One slot per index; each index is written by exactly one iteration. The slots live in memory allocated
/// once, so worker threads write through a fixed pointer and never touch a shared Array.
private final class ResultSlots<Output>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Output?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Output) { slots[index] = value }

    func values() -> [Output] { UnsafeBufferPointer(start: slots, count: count).compactMap { $0 } }

    /// The value set at `index`; only after its iteration has finished.
    func value(at index: Int) -> Output {
        guard let value = slots[index] else { preconditionFailure("slot \(index) read before it was set") }
        return value
    }
}

/// Hands read-only inputs to the worker threads of `concurrentPerform`.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

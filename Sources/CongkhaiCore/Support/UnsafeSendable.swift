/// Lets concurrent workers write to distinct slots of one buffer.
package struct UnsafeSendable<T>: @unchecked Sendable {
    package var value: T
    package init(_ value: T) { self.value = value }
}

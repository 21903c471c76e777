/// Every input file's size and modification time, to tell what changed since the last build.
package struct SourceStamp: Sendable, Hashable {
    package var size: Int
    package var modified: Int  // nanoseconds since 1970

    package init(size: Int, modified: Int) {
        self.size = size
        self.modified = modified
    }
}

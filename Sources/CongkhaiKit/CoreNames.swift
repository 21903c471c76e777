import CongkhaiCore

/// Foundation has a `Unit` (of measurement) too: inside this module, `Unit` is the site's.
package typealias Unit = CongkhaiCore.Unit

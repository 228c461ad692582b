import ArgumentParser
import GraphGenKit

// The setting values the library declares, as command-line arguments.
extension AccessLevel: ExpressibleByArgument {}
extension DriftFailOn: ExpressibleByArgument {}
extension DriftFormat: ExpressibleByArgument {}

import KACommandLine
import Testing

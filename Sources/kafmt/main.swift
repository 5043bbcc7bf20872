@main struct KafmtMain { static func main() {} }

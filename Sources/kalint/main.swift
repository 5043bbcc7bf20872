@main struct KalintMain { static func main() {} }

@main struct KabenchMain { static func main() {} }

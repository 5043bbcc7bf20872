import Testing
@testable import KAConfig

@Test func smallFileRoundTrips() {
    let text = "vrrp_instance VI_1 { # c\n  state MASTER\n  virtual_ipaddress {\n 192.0.2.1/24 dev eth0 }\n}\n}\n{ x\n"
    let tree = Parser.parse(path: "t.conf", text: text)
    #expect(tree.printed() == Array(text.utf8))
    #expect(tree.diagnostics.contains { $0.rule == SyntaxRules.extraCloseBrace })
    #expect(tree.diagnostics.contains { $0.rule == SyntaxRules.missingCloseBrace })
}

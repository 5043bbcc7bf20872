import Testing
@testable import KAConfig

/// Each KA2xx rule with examples that must and must not trigger it.
@Suite struct BinderRuleTests {
    func count(_ rule: DiagnosticRule, _ text: String) -> Int {
        BinderTestSupport.bind(text).diagnostics(rule).count
    }

    func instance(_ body: String) -> String { "vrrp_instance VI_1 {\n\(body)\n}\n" }

    @Test func unknownKeywordWithSuggestionOrHome() throws {
        let typo = BinderTestSupport.bind(instance("    virtual_router_idd 5"))
        let diagnostic = try #require(typo.diagnostics(SemanticRules.unknownKeyword).first)
        #expect(diagnostic.message.contains("did you mean 'virtual_router_id'"))
        #expect(diagnostic.line == 2 && diagnostic.column == 5)
        let misplaced = BinderTestSupport.bind("nopreempt\n")
        #expect(misplaced.diagnostics(SemanticRules.unknownKeyword).first?.message.contains("belongs in 'vrrp_instance'") == true)
        #expect(count(SemanticRules.unknownKeyword, instance("    nopreempt")) == 0)
    }

    @Test func extraArgumentsSayWhatIsIgnored() throws {
        let result = BinderTestSupport.bind(instance("    state MASTER priority 100"))
        let diagnostic = try #require(result.diagnostics(SemanticRules.extraArguments).first)
        #expect(diagnostic.message.contains("'state MASTER'"))
        #expect(diagnostic.message.contains("ignores 'priority 100'"))
        #expect(result.model.instances[0].state == .master)
        #expect(result.model.instances[0].priority == 255)
        #expect(count(SemanticRules.extraArguments, instance("    state MASTER")) == 0)
    }

    @Test func wrongCaseOfValueHasSafeFix() throws {
        let text = instance("    state Master")
        let result = BinderTestSupport.bind(text)
        let diagnostic = try #require(result.diagnostics(SemanticRules.wrongCase).first)
        let fix = try #require(diagnostic.fixIts.first)
        #expect(fix.isSafe)
        let edit = try #require(fix.edits.first)
        #expect(edit.replacement == "MASTER")
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[edit.range], as: UTF8.self) == "Master")
        // keepalived: unknown state -> BACKUP.
        #expect(result.model.instances[0].state == .backup)
        #expect(count(SemanticRules.wrongCase, instance("    state BACKUP")) == 0)
    }

    @Test func wrongCaseOfKeyword() throws {
        let result = BinderTestSupport.bind("VRRP_INSTANCE X {\n}\n")
        let diagnostic = try #require(result.diagnostics(SemanticRules.wrongCase).first)
        #expect(diagnostic.fixIts.first?.edits.first?.replacement == "vrrp_instance")
        // It also opens a block keepalived ignores: the trap note points at its '}'.
        #expect(diagnostic.related.map(\.line) == [2])
        #expect(result.diagnostics(SemanticRules.unknownKeyword).isEmpty)
    }

    @Test func trailingJunkAndInvalidNumbers() throws {
        let junk = BinderTestSupport.bind(instance("    advert_int 1s"))
        let diagnostic = try #require(junk.diagnostics(SemanticRules.trailingJunk).first)
        #expect(diagnostic.message.contains("-t"))
        #expect(junk.model.instances[0].advertIntervalMicroseconds == 1_000_000)
        #expect(count(SemanticRules.invalidNumber, instance("    virtual_router_id abc")) == 1)
        #expect(count(SemanticRules.invalidNumber, instance("    virtual_router_id -3")) == 1)
        #expect(count(SemanticRules.invalidNumber, instance("    advert_int 0.0000001")) == 1)
        let fine = BinderTestSupport.bind(instance("    advert_int 0.25"))
        #expect(fine.diagnostics.isEmpty)
        #expect(fine.model.instances[0].advertIntervalMicroseconds == 250_000)
    }

    @Test func outOfRangeSaysTheValueUsed() throws {
        let result = BinderTestSupport.bind(instance("    priority 300"))
        let diagnostic = try #require(result.diagnostics(SemanticRules.valueOutOfRange).first)
        #expect(diagnostic.message.contains("[1, 255]"))
        #expect(diagnostic.message.contains("100"))
        #expect(result.model.instances[0].priority == 100)
        #expect(count(SemanticRules.valueOutOfRange, instance("    priority 255")) == 0)
        #expect(count(SemanticRules.valueOutOfRange, instance("    advert_int 300")) == 1)
    }

    /// keepalived 2.2.7 moves a real-time priority outside 1-99 to the nearest bound (with a
    /// report) instead of ignoring it; the statement's value is what it uses.
    @Test func realTimePriorityIsClampedNotIgnored() throws {
        for (written, used) in [("150", 99), ("0", 1), ("-4", 1)] {
            let result = BinderTestSupport.bind("global_defs {\n    vrrp_rt_priority \(written)\n}\n")
            let diagnostic = try #require(result.diagnostics(SemanticRules.valueOutOfRange).first)
            #expect(diagnostic.message.contains("uses \(used), the nearest bound"), "\(diagnostic.message)")
            #expect(!diagnostic.message.contains("ignored"))
            let statement = try #require(result.tree.statements.first { $0.keyword == "vrrp_rt_priority" })
            #expect(statement.value(0)?.number == used)
        }
        let inRange = BinderTestSupport.bind("global_defs {\n    checker_rt_priority 50\n}\n")
        #expect(inRange.diagnostics(SemanticRules.valueOutOfRange).isEmpty)
        // Other numbers outside their range are still ignored.
        let nice = BinderTestSupport.bind("global_defs {\n    vrrp_priority 40\n}\n")
        #expect(try #require(nice.diagnostics(SemanticRules.valueOutOfRange).first).message.contains("ignored"))
    }

    @Test func missingArgumentExitsTwo() throws {
        let diagnostic = try #require(BinderTestSupport.bind(instance("    priority")).diagnostics(SemanticRules.missingArgument).first)
        #expect(diagnostic.message.contains("status 2"))
        #expect(count(SemanticRules.missingArgument, "vrrp_script {\n}\n") == 1)
        #expect(count(SemanticRules.missingArgument, instance("    priority 5")) == 0)
    }

    @Test func deprecatedKeywordWithRenameFix() throws {
        let result = BinderTestSupport.bind("vrrp_track_file f {\n    file /tmp/x\n}\n")
        let diagnostic = try #require(result.diagnostics(SemanticRules.deprecatedKeyword).first)
        #expect(diagnostic.message.contains("track_file"))
        #expect(result.model.trackFiles.first?.file == "/tmp/x")
        #expect(count(SemanticRules.deprecatedKeyword, "track_file f {\n    file /tmp/x\n}\n") == 0)
    }

    @Test func keywordOfNewerKeepalived() throws {
        let rows: [KeywordSpec] = KeepalivedSchema.block("vrrp_instance")?.keywords ?? []
        let newer: KeywordSpec? = rows.first { row in
            !row.knownIn227 && row.kind == KeywordKind.value && row.minimumArguments == 0
        }
        let spec = try #require(newer)
        let result = BinderTestSupport.bind(instance("    \(spec.name)"))
        let diagnostic = try #require(result.diagnostics(SemanticRules.keywordNotIn227).first)
        #expect(diagnostic.message.contains("2.2.7"))
        #expect(count(SemanticRules.keywordNotIn227, instance("    nopreempt")) == 0)
    }

    @Test func invalidAddresses() {
        #expect(count(SemanticRules.invalidAddress, instance("    unicast_src_ip 192.0.2.300")) == 1)
        #expect(count(SemanticRules.invalidAddress, instance("    virtual_ipaddress {\n 192.0.2.1/33\n 2001:db8::1/64\n }")) == 1)
        #expect(count(SemanticRules.invalidAddress, instance("    unicast_peer {\n 198.51.100.x\n }")) == 1)
        #expect(count(SemanticRules.invalidAddress, instance("    unicast_src_ip 2001:db8::5")) == 0)
    }

    @Test func invalidValueOfEnumeration() {
        #expect(count(SemanticRules.invalidValue, instance("    authentication {\n auth_type NONE\n }")) == 1)
        #expect(count(SemanticRules.invalidValue, instance("    authentication {\n auth_type PASS\n }")) == 0)
    }

    @Test func unresolvedTrackScriptDefinedBelow() throws {
        let below = BinderTestSupport.bind("""
            vrrp_instance A {
                track_script {
                    chk weight 10
                }
            }
            vrrp_script chk {
                script "/bin/true"
            }
            """)
        let diagnostic = try #require(below.diagnostics(SemanticRules.unresolvedReference).first)
        #expect(diagnostic.message.contains("not found"))
        #expect(below.model.instances[0].trackScripts.first?.resolved == false)
        let above = BinderTestSupport.bind("""
            vrrp_script chk {
                script "/bin/true"
            }
            vrrp_instance A {
                track_script {
                    chk weight 10
                }
            }
            """)
        #expect(above.diagnostics.isEmpty)
        #expect(above.model.instances[0].trackScripts.first?.resolved == true)
        #expect(above.model.instances[0].trackScripts.first?.weight == 10)
    }

    @Test func syncGroupMembersResolvedAfterParsing() {
        let result = BinderTestSupport.bind("""
            vrrp_sync_group G {
                group {
                    A
                    B
                }
            }
            vrrp_instance A {
            }
            """)
        #expect(result.diagnostics(SemanticRules.unresolvedReference).map(\.line) == [4])
        #expect(result.model.syncGroups[0].resolvedMembers == ["A"])
    }

    @Test func invalidScriptLine() {
        #expect(count(SemanticRules.invalidScript, instance("    notify \"/bin/x 'a\"")) == 1)
        #expect(count(SemanticRules.invalidScript, instance("    notify \"/bin/x 'a'\"")) == 0)
    }

    @Test func everyRuleHasAStableCodeAndSlug() {
        let codes = SemanticRules.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.hasPrefix("KA2") })
        #expect(SemanticRules.all.allSatisfy { $0.slug.allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber } })
    }
}

import Foundation
import Testing
@testable import KAConfig
@testable import KALint

/// The reference, script, security and strict-mode rules: messages, locations, related notes,
/// and how they sit next to the binder's findings.
@Suite struct ReferenceRulesTests {
    static func lint(_ text: String, only slugs: Set<String> = []) -> [Diagnostic] {
        let node = Analyzer.analyze(path: "a.conf", text: text)
        return LintEngine().run([node], options: LintOptions(enabledOnly: slugs)).diagnostics
    }

    static let instance = """
        vrrp_instance VI_1 {
            interface eth0
            virtual_router_id 51
            virtual_ipaddress {
                192.0.2.10/24
            }
        %@
        }

        """

    static func instance(_ body: String) -> String { instance.replacingOccurrences(of: "%@", with: body) }

    // MARK: undefined-reference

    @Test func scriptDefinedBelowIsRestatedOnceWithANote() throws {
        let text = Self.instance("    track_script {\n        chk\n    }") + "vrrp_script chk {\n    script \"/bin/true\"\n}\n"
        let found = Self.lint(text, only: ["undefined-reference"])
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.rule.code == "KA217")
        #expect(finding.message.contains("defined at line 11, after vrrp_instance VI_1"))
        #expect(finding.message.contains("\"(VI_1) track script chk not found, ignoring...\""))
        #expect(finding.line == 8 && finding.column == 9)
        #expect(finding.related.map(\.line) == [11])
        #expect(finding.related.first?.column == 13)
    }

    @Test func undefinedScriptKeepsTheBinderFinding() throws {
        let found = Self.lint(Self.instance("    track_script {\n        nothing_here\n    }"), only: ["undefined-reference"])
        #expect(found.count == 1)
        #expect(found.first?.message.contains("is not defined above vrrp_instance VI_1") == true)
        #expect(found.first?.related.isEmpty == true)
    }

    @Test func syncGroupTrackersAndCheckerReferences() {
        let text = """
            vrrp_sync_group G {
                group {
                    VI_1
                }
                track_process {
                    proc_later
                }
            }
            virtual_server 192.0.2.100 80 {
                real_server 198.51.100.21 80 {
                    FILE_CHECK {
                        track_file missing_file
                    }
                    BFD_CHECK {
                        name bfd_later
                    }
                }
            }
            vrrp_track_process proc_later {
                process nginx
            }
            bfd_instance bfd_later {
                neighbor_ip 198.51.100.21
            }

            """ + Self.instance("")
        let found = Self.lint(text, only: ["undefined-reference"])
        #expect(found.map(\.line) == [6, 12, 15])
        #expect(found[0].message.contains("after vrrp_sync_group G") && found[0].message.contains("(G) track process proc_later not found"))
        #expect(found[1].message.contains("\"track_file missing_file not found\"") && found[1].related.isEmpty)
        #expect(found[2].message.contains("after virtual_server 192.0.2.100 80") && found[2].related.map(\.line) == [22])
    }

    @Test func definitionsInAnIncludedFileBelowAreNamedByFile() throws {
        let files = InMemoryFileSystem(files: ["/etc/keepalived/scripts.conf": "vrrp_script chk {\n    script \"/bin/true\"\n}\n"])
        let text = Self.instance("    track_script {\n        chk\n    }") + "include /etc/keepalived/scripts.conf\n"
        let node = Analyzer.analyze(path: "a.conf", text: text, fileSystem: files)
        let found = LintEngine().run([node], options: LintOptions(enabledOnly: ["undefined-reference"])).diagnostics
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message.contains("defined at /etc/keepalived/scripts.conf:1"))
        #expect(finding.related.first?.file == "/etc/keepalived/scripts.conf")
    }

    @Test func disablingTheRuleRemovesBothVersions() {
        let text = Self.instance("    track_script {\n        chk\n    }") + "vrrp_script chk {\n    script \"/bin/true\"\n}\n"
        let node = Analyzer.analyze(path: "a.conf", text: text)
        let report = LintEngine().run([node], options: LintOptions(disabled: ["undefined-reference"]))
        #expect(!report.diagnostics.contains { $0.rule.code == "KA217" })
        #expect(LintRuleCatalogue.unusedScript.code == "KA226")
        #expect(RuleRegistry.rule(named: "undefined-reference")?.code == "KA217")
        #expect(RuleRegistry.rule(named: "KA225") == nil)
    }

    // MARK: unused-script

    @Test func unusedTrackersAreReportedAtTheirName() {
        let text = """
            vrrp_script used {
                script "/bin/true"
            }
            vrrp_script spare {
                script "/bin/true"
            }
            vrrp_track_file flag {
                file /run/flag
            }

            """ + Self.instance("    track_script {\n        used\n    }")
        let found = Self.lint(text, only: ["unused-script"])
        #expect(found.map(\.line) == [4, 7])
        #expect(found.map(\.column) == [13, 17])
        #expect(found[0].message.contains("\"Warning - script spare is not used\""))
        #expect(found[1].message.hasPrefix("track_file 'flag'"))
    }

    // MARK: vrrp-strict-conflict

    @Test func strictFindingsPointAtTheSettingAndTheSwitch() throws {
        let text = "global_defs {\n    vrrp_strict\n}\n" + Self.instance("""
                state MASTER
                priority 100
                authentication {
                    auth_type AH
                    auth_pass x
                }
                garp_lower_prio_repeat 0
                garp_lower_prio_delay 2
            """)
        let found = Self.lint(text, only: ["vrrp-strict-conflict"])
        #expect(found.map(\.line) == [10, 13, 17])
        #expect(found[0].message.contains("starts the instance as BACKUP"))
        #expect(found[1].message.contains("without AH authentication"))
        #expect(found[2].message.contains("Strict mode requires no repeat garp delay"))
        #expect(found.allSatisfy { $0.related.map(\.line) == [2] })
    }

    @Test func strictModeOffWinsAndOwnerMasterIsFine() {
        let off = "global_defs {\n    vrrp_strict\n}\n" + Self.instance("    strict_mode off\n    unicast_peer {\n        192.0.2.3\n    }")
        #expect(Self.lint(off, only: ["vrrp-strict-conflict"]).isEmpty)
        let owner = "global_defs {\n    vrrp_strict\n}\n" + Self.instance("    state MASTER\n    priority 255\n    accept")
        #expect(Self.lint(owner, only: ["vrrp-strict-conflict"]).isEmpty)
        let backupOwner = "global_defs {\n    vrrp_strict\n}\n" + Self.instance("    state BACKUP\n    priority 255")
        let found = Self.lint(backupOwner, only: ["vrrp-strict-conflict"])
        #expect(found.count == 1 && found[0].message.contains("starts the instance as MASTER"))
    }

    @Test func strictWithoutVIPsRefusesAndAcceptWithV2IsReset() {
        let text = """
            vrrp_instance VI_1 {
                strict_mode true
                interface eth0
                virtual_router_id 51
                accept
            }

            """
        let found = Self.lint(text, only: ["vrrp-strict-conflict"])
        #expect(found.count == 2)
        #expect(found[0].message.contains("No VIP specified") && found[0].line == 1)
        #expect(found[1].message.contains("accept mode") && found[1].line == 5)
        #expect(found.allSatisfy { $0.message.hasPrefix("with strict_mode,") && $0.related.map(\.line) == [2] })
    }

    // MARK: script-security

    @Test func scriptsWithoutSecurityNameTheUserTheyRunAs() throws {
        let text = "global_defs {\n    script_user nobody\n}\n" + Self.instance("    notify \"/etc/keepalived/notify.sh\"\n    notify_master \"/bin/true\" root")
        let found = Self.lint(text, only: ["script-security"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.line == 10 && finding.column == 5)
        #expect(finding.message.hasPrefix("2 scripts are configured"))
        #expect(finding.message.contains("those that name no user as script_user nobody"))
        #expect(finding.related.map(\.line) == [11])
    }

    @Test func securityArgumentIsIgnoredLikeKeepalived() throws {
        let text = "global_defs {\n    enable_script_security 0\n}\nvrrp_script chk {\n    script \"/bin/true\"\n}\n" + Self.instance("    track_script {\n        chk\n    }")
        let found = Self.lint(text, only: ["script-security"])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.line == 2 && finding.message.hasPrefix("enable_script_security without script_user: 1 script names no user"))
        #expect(finding.related.map(\.line) == [5])
    }

    @Test func fileOpenTestsAreNoScripts() {
        let text = "vrrp_script chk {\n    script \"</dev/tcp/192.0.2.1/80\"\n}\n" + Self.instance("    track_script {\n        chk\n    }")
        #expect(Self.lint(text, only: ["script-security", "script-path"]).isEmpty)
    }

    // MARK: script-path

    @Test func relativeCommandsAreReportedAtTheCommandWord() {
        let text = "vrrp_script a {\n    script \"killall -0 haproxy\"\n}\nvrrp_script b {\n    script check/run.sh\n    user nobody\n}\n"
            + Self.instance("    track_script {\n        a\n        b\n    }\n    notify_backup /etc/keepalived/backup.sh")
        let found = Self.lint(text, only: ["script-path"])
        #expect(found.map(\.line) == [2, 5])
        #expect(found.map(\.column) == [12, 12])
        #expect(found[0].message.contains("runs 'killall'") && found[0].message.contains("PATH"))
        #expect(found[1].message.contains("runs 'check/run.sh'") && found[1].message.contains("working directory"))
    }

    // MARK: the docs harness's example files (used by the include pages)

    @Test func fileFencesBelongToTheNextExample() {
        let page = """
            # demo (KA999)
            ## Triggers
            ```keepalived node1
            a
            ```
            ```keepalived node2
            b
            ```
            ```keepalived file /etc/x.conf unreadable
            x
            ```
            ```keepalived
            include /etc/x.conf
            ```
            ## Does not trigger
            ```keepalived
            c
            ```
            """
        let docs = RuleDocumentation(slug: "demo", markdown: page)
        #expect(docs.triggering.map(\.files) == [["a\n", "b\n"], ["include /etc/x.conf\n"]])
        #expect(docs.triggering[0].extraFiles.isEmpty)
        #expect(docs.triggering[1].extraFiles == ["/etc/x.conf": "x\n"])
        #expect(docs.triggering[1].unreadable == ["/etc/x.conf"])
        #expect(docs.clean.count == 1 && docs.clean[0].extraFiles.isEmpty)
    }

    // MARK: the shipped samples and well-formed corpus files

    @Test func samplesAreCleanForTheseRules() throws {
        let slugs: Set<String> = ["undefined-reference", "unused-script", "vrrp-strict-conflict", "script-security", "script-path"]
        for set in CorpusFiles.sampleSets() {
            let nodes = set.files.map { Analyzer.analyze(path: $0.path, fileSystem: LocalFileSystem()) }
            let found = LintEngine().run(nodes, options: LintOptions(enabledOnly: slugs)).diagnostics
            #expect(found.isEmpty, "samples/\(set.name): \(found.map(\.message))")
        }
    }
}

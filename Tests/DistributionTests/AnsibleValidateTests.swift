import Foundation
import Testing

/// The line Ansible users put on their keepalived.conf template task, `validate: kalint %s`,
/// run by the real ansible-playbook (ansible-core from PyPI; setup.sh installs it) with a local
/// connection: a good template is written, a bad one is refused with kalint's diagnostic and the
/// file in place stays as it was.
@Suite struct AnsibleValidateTests {
    static let ready = Toolbox.isExecutable(Toolbox.binFolder + "/kalint") && Toolbox.pythonHas("ansible")
    static let runnable = Toolbox.isCI || ready
    static let why = "needs ansible-core (python3 -m pip install ansible-core; scripts/setup.sh does) and the debug kalint"

    static let playbook = """
        - hosts: localhost
          connection: local
          gather_facts: false
          tasks:
            - name: keepalived.conf
              ansible.builtin.template:
                src: "{{ template }}"
                dest: "{{ destination }}"
                mode: "0644"
                validate: kalint %s
        """

    /// Renders `template` onto `destination` with ansible-playbook.
    func playbook(in folder: String, template: String, destination: String) throws -> Toolbox.Result {
        let python = try #require(Toolbox.python)
        let environment = Toolbox.environmentWithTools([
            "HOME": folder, "LC_ALL": "C.UTF-8", "ANSIBLE_NOCOLOR": "1", "ANSIBLE_LOCAL_TEMP": folder + "/tmp",
            "ANSIBLE_REMOTE_TEMP": folder + "/tmp", "ANSIBLE_LOCALHOST_WARNING": "0", "ANSIBLE_CONFIG": folder + "/none.cfg",
        ])
        let script = "import sys; from ansible.cli.playbook import main; sys.argv[0] = 'ansible-playbook'; main()"
        return try Toolbox.run(
            python,
            ["-c", script, "-i", "localhost,", folder + "/site.yml", "-e", "template=\(template)", "-e", "destination=\(destination)",
                // The Python that runs ansible-playbook runs the modules too (no interpreter discovery).
                "-e", "ansible_python_interpreter=\(python)"],
            environment: environment, in: folder, seconds: 180)
    }

    @Test(.enabled(if: runnable, .init(rawValue: why)), .timeLimit(.minutes(4)))
    func goodTemplateIsWrittenBadTemplateIsRefused() throws {
        try #require(Self.ready, Comment(rawValue: Self.why))
        let folder = try Toolbox.temporaryFolder("ka-ansible")
        defer { Toolbox.remove(folder) }
        try Toolbox.write(Self.playbook, to: folder + "/site.yml")
        try Toolbox.write(DistributionSamples.goodTemplate, to: folder + "/good.conf.j2")
        try Toolbox.write(DistributionSamples.badTemplate, to: folder + "/bad.conf.j2")
        let destination = folder + "/etc/keepalived.conf"
        try FileManager.default.createDirectory(atPath: folder + "/etc", withIntermediateDirectories: true)

        let good = try playbook(in: folder, template: folder + "/good.conf.j2", destination: destination)
        #expect(good.status == 0, "\(good.output)")
        #expect(good.output.contains("changed=1"), "\(good.output)")
        let written = try #require(Toolbox.read(destination))
        #expect(written == DistributionSamples.good)

        let bad = try playbook(in: folder, template: folder + "/bad.conf.j2", destination: destination)
        #expect(bad.status != 0, "\(bad.output)")
        #expect(bad.output.contains("failed to validate"), "\(bad.output)")
        #expect(bad.output.contains(DistributionSamples.badDiagnostic), "kalint's finding reaches the user: \(bad.output)")
        #expect(Toolbox.read(destination) == written, "the destination is untouched")
    }
}

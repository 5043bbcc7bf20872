/// What keepalived 2.2.7 does with a keyword line that lacks a required argument. Most handlers
/// read the word without checking (strvec_slot → null_strvec): keepalived reports "missing a
/// parameter" and the process exits with status 2. The handlers of the rows below check the count
/// themselves, log their own message and go on (`router_id` alone: "routerid name missing -
/// ignoring"). KeepalivedSchema marks its rows from this list (`KeywordSpec.missingArgumentExits`);
/// MissingArgumentKeepalivedTests runs every row without its arguments to keep it true.
public enum MissingArgument {
    /// `block.keyword` of the rows whose handler survives a missing argument.
    public static let continuing: Set<String> = [
        "BFD_CHECK.name", "FILE_CHECK.weight", "HTTP_GET.http_protocol", "HTTP_GET.url.regex",
        "HTTP_GET.url.regex_max_offset", "HTTP_GET.url.regex_min_offset", "HTTP_GET.url.regex_stack", "HTTP_GET.url.virtualhost",
        "HTTP_GET.virtualhost", "MISC_CHECK.user", "SMTP_CHECK.helo_name", "SSL.ca",
        "SSL.certificate", "SSL.key", "SSL.password", "SSL_GET.http_protocol",
        "SSL_GET.url.regex", "SSL_GET.url.regex_max_offset", "SSL_GET.url.regex_min_offset", "SSL_GET.url.regex_stack",
        "SSL_GET.url.virtualhost", "SSL_GET.virtualhost", "bfd_instance.neighbor_ip", "bfd_instance.neighbour_ip",
        "global_defs.bfd_priority", "global_defs.bfd_rt_priority", "global_defs.checker_priority", "global_defs.checker_rt_priority",
        "global_defs.dbus_service_name", "global_defs.default_interface", "global_defs.lvs_netlink_cmd_rcv_bufs", "global_defs.lvs_netlink_monitor_rcv_bufs",
        "global_defs.lvs_notify_fifo", "global_defs.lvs_sync_daemon", "global_defs.lvs_timeouts", "global_defs.min_auto_priority_delay",
        "global_defs.notification_email_from", "global_defs.notify_fifo", "global_defs.process_monitor_rcv_bufs", "global_defs.reload_time_file",
        "global_defs.router_id", "global_defs.script_user", "global_defs.shutdown_script_timeout", "global_defs.smtp_helo_name",
        "global_defs.snmp_socket", "global_defs.startup_script_timeout", "global_defs.tmp_config_directory", "global_defs.vrrp_netlink_cmd_rcv_bufs",
        "global_defs.vrrp_netlink_monitor_rcv_bufs", "global_defs.vrrp_notify_fifo", "global_defs.vrrp_priority", "global_defs.vrrp_rt_priority",
        "global_defs.vrrp_rx_bufs_multiplier", "real_server.snmp_name", "real_server.virtualhost", "top level.instance",
        "top level.net_namespace", "track_file.file", "track_file.weight", "virtual_server.snmp_name",
        "virtual_server.sorry_server_lvs_method", "virtual_server.virtualhost", "vrrp_instance.kernel_rx_buf_size", "vrrp_track_process.weight",
    ]

    /// `block` with each row's `missingArgumentExits` set from the list.
    static func mark(_ block: BlockSpec) -> BlockSpec {
        var marked = block
        for index in marked.keywords.indices where continuing.contains(block.name + "." + marked.keywords[index].name) {
            marked.keywords[index].missingArgumentExits = false
        }
        return marked
    }
}

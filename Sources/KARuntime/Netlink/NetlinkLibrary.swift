import CNetlink

/// The libnl version karun was linked against (libnl-3's runtime variables).
public enum NetlinkLibrary {
    public static var version: String { "\(nl_ver_maj).\(nl_ver_min).\(nl_ver_mic)" }
}

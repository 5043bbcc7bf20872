public enum KAVRRPInfo { public static let placeholder = true }

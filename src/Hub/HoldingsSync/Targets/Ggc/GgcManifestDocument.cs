namespace Lsb.Hub.HoldingsSync.Targets.Ggc;

/// <summary>The manifest the hub sends after a file: names it, and carries its record count and SHA-256.</summary>
public sealed record GgcManifestDocument(string File, string Isil, string? Iln, string Day, int Records, string Sha256,
    string Producer, string Batch, int Part, int Parts);

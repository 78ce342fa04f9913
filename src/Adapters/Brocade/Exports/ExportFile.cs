using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lsb.Hub.Adapters.Brocade.Exports;

/// <summary>
/// One export file as its completion marker describes it. <see cref="Identity"/> is a hash of what the export IS
/// (data, export number, time, kind) and not of its name, so the same export delivered twice under two names is
/// recognised and read once.
/// </summary>
internal sealed record ExportFile(string Folder, string DataFile, string MarkerFile, ExportEntity Entity, bool Full, int Number, DateTimeOffset CreatedAt,
    int Records, long Bytes, string Sha256)
{
    public string DataPath => Path.Combine(Folder, DataFile);

    public string Identity { get; } = Hash($"{Entity}|{Full}|{Number}|{CreatedAt.UtcTicks}|{Sha256}");

    public long Version => CreatedAt.UtcTicks;

    /// <summary>The feed name of its changes.</summary>
    public string Feed => Entity switch
    {
        ExportEntity.Members => BrocadeFeeds.Members,
        ExportEntity.Holdings => BrocadeFeeds.Holdings,
        ExportEntity.ForeignTakeIns => BrocadeFeeds.ForeignTakeIns,
        _ => BrocadeFeeds.Loans,
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{DataFile} (export {Number}, {(Full ? "full" : "delta")}, {CreatedAt:O})");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
}

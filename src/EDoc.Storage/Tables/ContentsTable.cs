namespace EDoc.Storage.Tables;

/// <summary>All SQL of the contents table: bytes stored once per SHA-256, whatever documents refer to them.</summary>
internal static class ContentsTable
{
    /// <summary>
    /// Stores the bytes unless that hash is already there: content-addressed bytes never change, so a second upload of the
    /// same bytes (or a retry) has nothing to add.
    /// </summary>
    public static Task InsertAsync(DbSession session, string sha256Hex, byte[] data, CancellationToken ct) => session.ExecuteAsync(
        "INSERT INTO contents (sha256, size, data) VALUES (@sha, @size, @data) ON CONFLICT (sha256) DO NOTHING", ct,
        ("sha", sha256Hex), ("size", (long)data.Length), ("data", data));

    public static async Task<byte[]?> GetAsync(DbSession session, string sha256Hex, CancellationToken ct) =>
        (await session.QueryAsync("SELECT data FROM contents WHERE sha256 = @sha", r => (byte[])r.GetValue(0), ct, ("sha", sha256Hex)))
        .FirstOrDefault();
}

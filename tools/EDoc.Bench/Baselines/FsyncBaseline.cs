using EDoc.Bench.Measurement;

namespace EDoc.Bench.Baselines;

/// <summary>
/// (f) How many times per second the disk under the database can make a 4 KiB write durable: the physical limit
/// of one-commit-per-fsync, which only group commit can beat.
/// </summary>
internal sealed class FsyncBaseline(string directory) : IBaseline
{
    private const int BlockSize = 4096;

    /// <summary>Written in full before measuring, as PostgreSQL pre-allocates WAL segments, so fsync flushes data, not file growth.</summary>
    private const int FileSize = 1024 * 1024;

    public async Task<IReadOnlyList<BaselineFigure>> MeasureAsync(TimeSpan duration, CancellationToken ct)
    {
        var path = Path.Combine(directory, $"bench-fsync-{Guid.NewGuid():N}.tmp");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0,
            FileOptions.DeleteOnClose);
        var block = new byte[BlockSize];
        Random.Shared.NextBytes(block);
        for (long offset = 0; offset < FileSize; offset += BlockSize) RandomAccess.Write(file.SafeFileHandle, block, offset);
        file.Flush(flushToDisk: true);

        long next = 0;
        var rate = await TimedLoop.PerSecondAsync(() =>
        {
            RandomAccess.Write(file.SafeFileHandle, block, next);
            file.Flush(flushToDisk: true); // fsync(2)
            next = (next + BlockSize) % FileSize;
        }, duration);
        return [new BaselineFigure("fsync", "(f) fsync of a 4 KiB write in the database's directory", rate, "fsyncs/s")];
    }
}

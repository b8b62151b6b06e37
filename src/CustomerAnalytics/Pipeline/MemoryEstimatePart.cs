namespace CustomerAnalytics.Pipeline;

/// <summary>One input's share of a <see cref="MemoryEstimate"/>: how many rows it holds and what they cost in memory.</summary>
/// <param name="Role">What the file holds: <c>customers</c>, <c>products</c>, <c>transactions</c> or <c>order_lines</c>.</param>
/// <param name="Path">The path as given in the options.</param>
/// <param name="FileBytes">The file's length on disk.</param>
/// <param name="ContentBytes">
/// The bytes the loader will read: <see cref="FileBytes"/>, or for a <c>.gz</c> file the uncompressed size from its
/// gzip trailer (ISIZE, the size modulo 4 GiB, raised by 4 GiB steps to at least twice the compressed size).
/// </param>
/// <param name="Rows">
/// The rows the file holds: exact when its first MiB holds the whole file, else <see cref="ContentBytes"/> divided by the
/// average row length of the first MiB.
/// </param>
/// <param name="BytesPerRow">What one row of this role costs in the run's peak memory (the model's constant, see <c>docs/memory.md</c>).</param>
public sealed record MemoryEstimatePart(string Role, string Path, long FileBytes, long ContentBytes, long Rows, long BytesPerRow)
{
    /// <summary>This input's share of the peak: <see cref="Rows"/> × <see cref="BytesPerRow"/>.</summary>
    public long Bytes => Rows * BytesPerRow;
}

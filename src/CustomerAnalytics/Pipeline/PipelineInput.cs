using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Pipeline;

/// <summary>One input file of a run and what its loader made of it.</summary>
/// <param name="Role">What the file holds: <c>customers</c>, <c>products</c>, <c>transactions</c> or <c>order_lines</c>.</param>
/// <param name="Path">The path as given in the options.</param>
/// <param name="Bytes">The file's size in bytes.</param>
/// <param name="Report">The loader's report: rows read, loaded and rejected, and the diagnostics.</param>
public sealed record PipelineInput(string Role, string Path, long Bytes, LoadReport Report);

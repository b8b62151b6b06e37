using System.Collections.Immutable;

namespace CustomerAnalytics.Loading;

/// <summary>The rows a loader loaded, in source order, and its report.</summary>
/// <typeparam name="T">The row type: <see cref="Model.Customer"/>, <see cref="Model.Product"/> or <see cref="Model.Transaction"/>.</typeparam>
/// <param name="Rows">The rows loaded.</param>
/// <param name="Report">What was read and what was rejected.</param>
public sealed record LoadResult<T>(ImmutableArray<T> Rows, LoadReport Report);

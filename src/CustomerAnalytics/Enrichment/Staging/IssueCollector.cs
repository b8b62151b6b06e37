namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// Counts issues by kind and lists the first <c>maxPerKind</c> of each kind, in the order found; the issues of a later
/// range or part join by <see cref="Absorb"/> exactly as one pass over both would have listed them. The join counts
/// its <see cref="EnrichmentIssue"/>s by <see cref="EnrichmentIssueKind"/>; a load counts its diagnostics under one kind
/// (a limit for all of them).
/// </summary>
/// <typeparam name="TKind">The kind issues are counted and limited by.</typeparam>
/// <typeparam name="TIssue">The issue listed.</typeparam>
internal sealed class IssueCollector<TKind, TIssue>(int maxPerKind, Func<TIssue, TKind> kindOf)
    where TKind : notnull
{
    /// <summary>Every issue counted, listed or not, by kind.</summary>
    public Dictionary<TKind, int> Counts { get; } = [];

    /// <summary>The issues listed, in the order found.</summary>
    public List<TIssue> Listed { get; } = [];

    /// <summary>The rows left out, each counted once under the first reason found (the join's account).</summary>
    public Dictionary<TKind, int> LeftOut { get; } = [];

    /// <summary>Counts a row left out for <paramref name="reason"/>.</summary>
    public void LeaveOut(TKind reason) => LeftOut[reason] = LeftOut.GetValueOrDefault(reason) + 1;

    /// <summary>Counts one issue of a kind; returns whether it is to be listed too.</summary>
    public bool Count(TKind kind)
    {
        var count = Counts.GetValueOrDefault(kind) + 1;
        Counts[kind] = count;
        return count <= maxPerKind;
    }

    /// <summary>Lists an issue (counted by <see cref="Count"/>, or one listed beyond the limit on purpose).</summary>
    public void List(TIssue issue) => Listed.Add(issue);

    /// <summary>
    /// Adds the issues of a later range or part: its counts, and its listed issues (each through <paramref name="shift"/>,
    /// say to the source's lines) as far as one pass over both would have listed them.
    /// </summary>
    public void Absorb(IssueCollector<TKind, TIssue> later, Func<TIssue, TIssue>? shift = null)
    {
        var ordinals = new Dictionary<TKind, int>();
        foreach (var issue in later.Listed)
        {
            var kind = kindOf(issue);
            var ordinal = ordinals.GetValueOrDefault(kind) + 1;
            ordinals[kind] = ordinal;
            if (Counts.GetValueOrDefault(kind) + ordinal <= maxPerKind)
            {
                Listed.Add(shift is null ? issue : shift(issue));
            }
        }

        foreach (var (kind, count) in later.Counts)
        {
            Counts[kind] = Counts.GetValueOrDefault(kind) + count;
        }

        foreach (var (kind, count) in later.LeftOut)
        {
            LeftOut[kind] = LeftOut.GetValueOrDefault(kind) + count;
        }
    }
}

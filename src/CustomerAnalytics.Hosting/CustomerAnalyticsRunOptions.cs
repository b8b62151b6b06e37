using CustomerAnalytics.Hosting.Internal;
using CustomerAnalytics.Pipeline;

namespace CustomerAnalytics.Hosting;

/// <summary>
/// The settings of the tool's whole-job run (<c>customer-analytics run</c>) that its per-run flags give: the
/// <c>CustomerAnalytics:Run</c> section of the same configuration file, so one <c>customer-analytics.json</c> holds
/// them; a flag given wins. Immutable: derive variants with <c>with</c>.
/// </summary>
public sealed record CustomerAnalyticsRunOptions
{
    /// <summary>How many products <c>top_products.csv</c> and the dashboard list (<c>run --top</c>).</summary>
    /// <value>Defaults to 10.</value>
    public int Top { get; init; } = 10;

    /// <summary>How many products are recommended to each customer (<c>run --count</c>).</summary>
    /// <value>Defaults to 5.</value>
    public int Count { get; init; } = 5;

    /// <summary>The currency of the dashboard's amounts: an ISO 4217 code such as <c>GBP</c> or a symbol of 1 to 8
    /// characters (<c>--currency</c>; checked by the tool, which draws the dashboard).</summary>
    /// <value>Defaults to <see langword="null"/>: amounts without a currency.</value>
    public string? Currency { get; init; }

    /// <summary>Whether to estimate the run's peak memory before reading, and what to do when it does not fit
    /// (<c>--memory-check</c>): <c>Fail</c>, <c>Warn</c> or <c>Off</c> (<c>docs/memory.md</c>).</summary>
    /// <value>Defaults to <see cref="MemoryCheck.Fail"/>.</value>
    public MemoryCheck MemoryCheck { get; init; } = MemoryCheck.Fail;

    /// <summary>The memory the run may use, for <see cref="MemoryCheck"/>: a number of bytes with K, M, G or T (units of
    /// 1024) such as <c>8G</c> or <c>512MiB</c> (<c>--memory-limit</c>).</summary>
    /// <value>Defaults to <see langword="null"/>: what the machine or container allows.</value>
    public string? MemoryLimit { get; init; }

    /// <summary>Whether to write <c>events_enriched.csv</c>, the largest file (<c>false</c>: <c>--no-events</c>).</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool WriteEvents { get; init; } = true;

    /// <summary>Whether to write <c>dashboard.html</c> (<c>false</c>: <c>--no-dashboard</c>).</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool WriteDashboard { get; init; } = true;

    /// <summary><see cref="MemoryLimit"/> in bytes.</summary>
    /// <returns>The bytes, or <see langword="null"/> when unset.</returns>
    /// <exception cref="ArgumentException"><see cref="MemoryLimit"/> is not a size.</exception>
    public long? MemoryLimitBytes() => MemoryLimit is null
        ? null
        : SizeText.Parse(MemoryLimit) ?? throw new ArgumentException($"MemoryLimit '{MemoryLimit}' is not a size: give a number of bytes with K, M, G or T (units of 1024), such as 8G or 512MB.");

    /// <summary>Every problem, each named by its key.</summary>
    internal IEnumerable<string> Problems(Func<string, string> key)
    {
        if (Top < 1)
        {
            yield return $"{key(nameof(Top))} must be at least 1 (was {Top})";
        }

        if (Count < 1)
        {
            yield return $"{key(nameof(Count))} must be at least 1 (was {Count})";
        }

        if (Currency is not null && string.IsNullOrWhiteSpace(Currency))
        {
            yield return $"{key(nameof(Currency))} must be a currency code or symbol, or unset";
        }

        if (!Enum.IsDefined(MemoryCheck))
        {
            yield return $"{key(nameof(MemoryCheck))} must be Fail, Warn or Off (was {(int)MemoryCheck})";
        }

        if (MemoryLimit is not null && SizeText.Parse(MemoryLimit) is null)
        {
            yield return $"{key(nameof(MemoryLimit))} must be a size: a number of bytes with K, M, G or T (units of 1024), such as 8G or 512MB (was '{MemoryLimit}')";
        }
    }
}

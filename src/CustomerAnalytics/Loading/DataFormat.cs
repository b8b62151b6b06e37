namespace CustomerAnalytics.Loading;

/// <summary>The format of a source read by a loader.</summary>
public enum DataFormat
{
    /// <summary>
    /// Chosen from the file name: <c>.csv</c>, <c>.json</c>, <c>.jsonl</c> or <c>.ndjson</c>, each optionally followed by
    /// <c>.gz</c> (read through gzip). Other extensions are read as CSV.
    /// </summary>
    Auto = 0,

    /// <summary>Comma separated values with a header row (RFC 4180 quoting), read through CsvHelper.</summary>
    Csv,

    /// <summary>A JSON array of objects, one object per row; property names play the part of CSV headers.</summary>
    Json,

    /// <summary>JSON Lines (also called NDJSON): one JSON object per line; blank lines are skipped.</summary>
    JsonLines,
}

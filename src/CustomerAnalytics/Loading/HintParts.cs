namespace CustomerAnalytics.Loading;

/// <summary>
/// A hint in parts: advice about the data, the options that would help, and a sentence naming an option with the value
/// to give it. <see cref="LoadHints"/> words them for the API; a host words <see cref="LoadDiagnostic.Remedy"/> itself.
/// </summary>
/// <param name="Advice">About the data alone (<c>Fill it in</c>), without a final period.</param>
/// <param name="Remedy">The options that would help.</param>
/// <param name="Specific">A sentence naming an option with its value (<c>Set LoadOptions.Separator = ';'</c>), when the remedy needs one.</param>
internal readonly record struct HintParts(string? Advice, LoadRemedy Remedy = LoadRemedy.None, string? Specific = null)
{
    /// <summary>A hint that is advice only (no option helps).</summary>
    public static implicit operator HintParts(string? advice) => new(advice);
}

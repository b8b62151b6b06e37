using CustomerAnalytics.Enrichment.Staging;

namespace CustomerAnalytics.Tests.Enrichment.Staging;

public class IssueCollectorTests
{
    [Fact]
    public void Count_BeyondTheLimitOfAKind_CountsAllListsTheFirst()
    {
        var issues = new IssueCollector<char, string>(2, issue => issue[0]);
        foreach (var issue in new[] { "a1", "b1", "a2", "a3", "b2" })
        {
            if (issues.Count(issue[0]))
            {
                issues.List(issue);
            }
        }

        Assert.Equal(["a1", "b1", "a2", "b2"], issues.Listed);
        Assert.Equal(3, issues.Counts['a']);
        Assert.Equal(2, issues.Counts['b']);
    }

    [Fact]
    public void Absorb_LaterRanges_ListsAsOnePassOverAllWould()
    {
        var all = new[] { "a1", "a2", "b1", "a3", "b2", "a4", "b3", "a5" };
        var one = Collect(all);
        var joined = Collect(all[..3]);
        joined.Absorb(Collect(all[3..5]));
        joined.Absorb(Collect(all[5..]));

        Assert.Equal(one.Listed, joined.Listed);
        Assert.Equal(one.Counts, joined.Counts);
        Assert.Equal(one.LeftOut, joined.LeftOut);
    }

    [Fact]
    public void Absorb_WithShift_ShiftsEachListedIssue()
    {
        var first = Collect(["a1"]);
        first.Absorb(Collect(["b1", "a2", "a3"]), issue => issue + "+");

        Assert.Equal(["a1", "b1+", "a2+"], first.Listed);
        Assert.Equal(3, first.Counts['a']);
    }

    private static IssueCollector<char, string> Collect(string[] issues)
    {
        var collector = new IssueCollector<char, string>(2, issue => issue[0]);
        foreach (var issue in issues)
        {
            collector.LeaveOut(issue[0]);
            if (collector.Count(issue[0]))
            {
                collector.List(issue);
            }
        }

        return collector;
    }
}

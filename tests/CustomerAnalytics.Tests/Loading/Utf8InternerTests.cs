using System.Text;
using CustomerAnalytics.Loading;

namespace CustomerAnalytics.Tests.Loading;

public class Utf8InternerTests
{
    [Fact]
    public void Intern_PastEveryGrowth_ReturnsEachNewValueAndTheSameInstanceAfterwards()
    {
        var interner = new Utf8Interner();
        var first = new string[1000];

        for (var i = 0; i < first.Length; i++)
        {
            first[i] = interner.Intern(Encoding.UTF8.GetBytes($"value-{i}"));
            Assert.Equal($"value-{i}", first[i]);
        }

        for (var i = 0; i < first.Length; i++)
        {
            Assert.Same(first[i], interner.Intern(Encoding.UTF8.GetBytes($"value-{i}")));
            Assert.Equal(i, interner.IndexOf(Encoding.UTF8.GetBytes($"value-{i}")));
        }

        Assert.Equal(1000, interner.Count);
    }
}

using Calltrail.Recorder.Fuzz;

namespace Calltrail.Recorder.Tests.Fuzzing;

public class CorpusReplayTests
{
    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach ((string target, string file) in Corpus.Files())
        {
            data.Add(target, file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Replay_CorpusFile_GivesResultWithoutThrowingAndRefusesMalformedSeeds(string target, string file)
    {
        bool accepted = FuzzTargets.All[target](Corpus.Read(target, file));

        Assert.Equal(!Corpus.IsMalformed(file), accepted);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Replay_EveryTruncationAndSeededMutation_NeverThrows(string target, string file)
    {
        byte[] seed = Corpus.Read(target, file);
        Func<byte[], bool> run = FuzzTargets.All[target];
        var random = new Random(file.GetHashCode(StringComparison.Ordinal));

        for (int length = 0; length < seed.Length; length += Math.Max(1, seed.Length / 64))
        {
            run(seed[..length]);
        }

        for (int round = 0; round < 200; round++)
        {
            run(Mutate(seed, random));
        }
    }

    [Fact]
    public void Corpus_EachTarget_HasSeedsGoodAndBad()
    {
        var byTarget = Corpus.Files().GroupBy(f => f.Target).ToDictionary(g => g.Key, g => g.Select(f => f.File).ToList());

        Assert.Equal(FuzzTargets.All.Keys.Order(StringComparer.Ordinal), byTarget.Keys.Order(StringComparer.Ordinal));
        Assert.All(byTarget.Values, files =>
        {
            Assert.InRange(files.Count, 10, 20);
            Assert.Contains(files, Corpus.IsMalformed);
        });
    }

    /// <summary>A few byte flips, insertions of SIP-significant bytes, or a deletion, like a fuzzer's first steps.</summary>
    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        byte[] interesting = [(byte)'\r', (byte)'\n', (byte)':', (byte)';', (byte)'<', (byte)'>', (byte)'-', (byte)'&', 0, 0xFF, (byte)' ', (byte)'9'];
        for (int edits = random.Next(1, 6); edits > 0 && bytes.Count > 0; edits--)
        {
            int at = random.Next(bytes.Count);
            switch (random.Next(3))
            {
                case 0: bytes[at] = interesting[random.Next(interesting.Length)]; break;
                case 1: bytes.Insert(at, interesting[random.Next(interesting.Length)]); break;
                default: bytes.RemoveAt(at); break;
            }
        }

        return [.. bytes];
    }
}

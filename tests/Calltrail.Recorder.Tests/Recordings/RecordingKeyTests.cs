using Calltrail.Recorder.Recordings;
using static Calltrail.Recorder.Tests.Recordings.SampleRecording;

namespace Calltrail.Recorder.Tests.Recordings;

public class RecordingKeyTests
{
    [Fact]
    public void Open_RingWithoutTheFilesKey_IsUnknownKeyNamingIt()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), TestKeys.Ring("k1"));

        var result = RecordingReader.Open(dir.File(), TestKeys.Ring("k2"));

        Assert.Equal(RecordingOpenError.UnknownKey, result.Error);
        Assert.Contains("k1", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SameKeyIdButAnotherKey_IsKeyRejected()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), TestKeys.Ring("k1"));
        var impostor = new RecordingKeyRing("k1", [KeyValuePair.Create("k1", TestKeys.Key("k1", impostor: true))]);

        var result = RecordingReader.Open(dir.File(), impostor);

        Assert.Null(result.Contents);
        Assert.Equal(RecordingOpenError.KeyRejected, result.Error);
    }

    [Fact]
    public void Rewrap_ThenOldKeyRemoved_StillReadsTheSameWithTheNewKey()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), TestKeys.Ring("k1"));
        byte[] before;
        using (var original = OpenOrFail(dir.File(), TestKeys.Ring("k1")))
        {
            before = original.ComputeSha256();
        }

        var result = RecordingFile.Rewrap(dir.File(), TestKeys.Ring("k2", "k1"));

        Assert.Equal(new RewrapResult(true, RecordingOpenError.None, string.Empty), result);
        using var rotated = OpenOrFail(dir.File(), TestKeys.Ring("k2"));
        Assert.Equal("k2", rotated.KeyId);
        Assert.Equal(before, rotated.ComputeSha256());
        Assert.Equal(RecordingOpenError.UnknownKey, RecordingReader.Open(dir.File(), TestKeys.Ring("k1")).Error);
    }

    [Fact]
    public void Rewrap_TouchesOnlyTheHeader()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), TestKeys.Ring("k1"));
        var before = File.ReadAllBytes(dir.File());

        RecordingFile.Rewrap(dir.File(), TestKeys.Ring("k2", "k1"));

        var after = File.ReadAllBytes(dir.File());
        Assert.Equal(before.Length, after.Length);
        Assert.Equal(before[256..], after[256..]);
        Assert.Equal(before[..32], after[..32]);
    }

    [Fact]
    public void Rewrap_AlreadyUnderTheActiveKey_ChangesNothing()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), TestKeys.Ring("k1"));
        var before = File.ReadAllBytes(dir.File());

        var result = RecordingFile.Rewrap(dir.File(), TestKeys.Ring("k1"));

        Assert.True(result.Succeeded);
        Assert.False(result.Rewrapped);
        Assert.Equal(before, File.ReadAllBytes(dir.File()));
    }

    [Fact]
    public void Rewrap_TwiceAcrossThreeKeys_EndsUnderTheLast()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), TestKeys.Ring("k1"));

        Assert.True(RecordingFile.Rewrap(dir.File(), TestKeys.Ring("k2", "k1")).Rewrapped);
        Assert.True(RecordingFile.Rewrap(dir.File(), TestKeys.Ring("k3", "k2")).Rewrapped);

        using var contents = OpenOrFail(dir.File(), TestKeys.Ring("k3"));
        Assert.Equal("k3", contents.KeyId);
    }

    [Fact]
    public void Rewrap_TornWriteOfTheNewSlot_LeavesTheOldSlotOpening()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), TestKeys.Ring("k1"));
        var original = File.ReadAllBytes(dir.File());
        RecordingFile.Rewrap(dir.File(), TestKeys.Ring("k2", "k1"));
        var rotated = File.ReadAllBytes(dir.File());

        // The crash came after half the new slot (B, at 144) was written and before slot A was wiped.
        var torn = (byte[])original.Clone();
        Array.Copy(rotated, 144, torn, 144, 60);
        File.WriteAllBytes(dir.File(), torn);

        using var contents = OpenOrFail(dir.File(), TestKeys.Ring("k2", "k1"));
        Assert.Equal("k1", contents.KeyId);
        Assert.True(RecordingFile.Rewrap(dir.File(), TestKeys.Ring("k2", "k1")).Rewrapped);
        using var repaired = OpenOrFail(dir.File(), TestKeys.Ring("k2"));
        Assert.Equal("k2", repaired.KeyId);
    }

    [Fact]
    public void Rewrap_CrashBeforeTheOldSlotWasWiped_NextRewrapWipesIt()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), TestKeys.Ring("k1"));
        var original = File.ReadAllBytes(dir.File());
        RecordingFile.Rewrap(dir.File(), TestKeys.Ring("k2", "k1"));
        var bothSlots = File.ReadAllBytes(dir.File());
        Array.Copy(original, 32, bothSlots, 32, 112); // slot A as it was before the wipe
        File.WriteAllBytes(dir.File(), bothSlots);
        Assert.Equal("k1", OpenOrFail(dir.File(), TestKeys.Ring("k1")).KeyId);

        var result = RecordingFile.Rewrap(dir.File(), TestKeys.Ring("k2", "k1"));

        Assert.False(result.Rewrapped);
        Assert.Equal(RecordingOpenError.UnknownKey, RecordingReader.Open(dir.File(), TestKeys.Ring("k1")).Error);
    }

    [Fact]
    public void Rewrap_UnknownKey_ChangesNothingAndSaysWhy()
    {
        using var dir = new TempDirectory();
        WriteSample(dir.File(), TestKeys.Ring("k1"));
        var before = File.ReadAllBytes(dir.File());

        var result = RecordingFile.Rewrap(dir.File(), TestKeys.Ring("k2"));

        Assert.Equal(RecordingOpenError.UnknownKey, result.Error);
        Assert.Equal(before, File.ReadAllBytes(dir.File()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    [InlineData("a-key-id-that-is-longer-than-32-bytes")]
    public void KeyRing_BadKeyId_IsRefused(string id) =>
        Assert.Throws<ArgumentException>(() => new RecordingKeyRing(id, [KeyValuePair.Create(id, new byte[32])]));

    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void KeyRing_KeyNot32Bytes_IsRefused(int length) =>
        Assert.Throws<ArgumentException>(() => new RecordingKeyRing("k", [KeyValuePair.Create("k", new byte[length])]));

    [Fact]
    public void KeyRing_ActiveKeyMissing_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new RecordingKeyRing("k2", [KeyValuePair.Create("k1", new byte[32])]));

    [Fact]
    public void KeyRing_WrapThenUnwrap_GivesTheDataKeyOnlyWithTheSameAssociatedData()
    {
        var ring = TestKeys.Ring("k1");
        var dataKey = TestKeys.Key("data");
        var wrapped = ring.Wrap(dataKey, [1, 2, 3]);
        var unwrapped = new byte[32];

        Assert.True(ring.TryUnwrap(wrapped, [1, 2, 3], unwrapped));
        Assert.Equal(dataKey, unwrapped);
        Assert.False(ring.TryUnwrap(wrapped, [1, 2, 4], unwrapped));
        Assert.Equal(new byte[32], unwrapped);
    }
}

using Calltrail.Server.Tests.Recording;
using Calltrail.Server.Tests.Support;
using Calltrail.TestKit.Files;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Calltrail.Server.Tests.Hosting;

/// <summary>What a copy of ./data, or another user on the machine, can reach: files 0600 and directories 0700 from the moment they exist.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataAtRestTests
{
    [Fact]
    public async Task Everything_the_server_writes_under_its_data_directory_is_private()
    {
        Assert.True(FileModes.UmaskLetsOthersRead(), $"umask {Convert.ToString(FileModes.Umask(), 8)} would hide a file created without its mode");
        using var server = new TestServer();
        var id = await StoredRecordings.ArrangeAsync(server, "call-1", tenant: null, seconds: 1);

        using var audio = await server.Admin().GetAsync($"/api/recordings/{id}/audio");

        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "calltrail.db-wal")), "the database's write-ahead log is open");
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "recording-key")), "the trial recording key was generated");
        Assert.Empty(FileModes.NotPrivate(server.DataDirectory));
    }

    [Fact]
    public async Task No_data_protection_key_is_made_or_warned_about_yet_data_protection_still_works_in_memory()
    {
        var logs = new CapturedLogs();
        using var server = new TestServer(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));

        using var health = await server.Anonymous().GetAsync("/health");
        var protector = server.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

        Assert.Equal("kept", protector.Unprotect(protector.Protect("kept")));
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) && e.Level >= LogLevel.Warning);
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, "keys")));
    }

    [Fact]
    public async Task A_data_directory_others_may_enter_is_warned_about_and_left_as_it_is()
    {
        var logs = new CapturedLogs();
        using var server = new TestServer(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        Directory.CreateDirectory(server.DataDirectory, (UnixFileMode)0b111_101_101);

        using var health = await server.Anonymous().GetAsync("/health");

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("other users may reach", StringComparison.Ordinal));
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(server.DataDirectory));
    }
}

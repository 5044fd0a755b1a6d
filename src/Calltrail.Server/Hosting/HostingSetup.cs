using Calltrail.Scenarios.Phones;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Calltrail.Server.Hosting;

public static class HostingSetup
{
    public static IServiceCollection AddCalltrailHosting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalltrailOptions>()
            .Bind(configuration.GetSection(CalltrailOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalltrailOptions>, CalltrailOptionsValidator>();
        services.AddSingleton(sp => new PhoneNumberParser(sp.GetRequiredService<IOptions<CalltrailOptions>>().Value.PhoneRegion));
        // Keys for anything ASP.NET protects live with the rest of Calltrail's data, not in the user's home.
        var keys = Path.Combine(configuration.GetSection(CalltrailOptions.Section).Get<CalltrailOptions>()?.DataDirectoryPath
            ?? new CalltrailOptions().DataDirectoryPath, "keys");
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.AddProblemDetails();
        services.AddHostedService<DataDirectory>();
        return services;
    }
}

/// <summary>Runs <see cref="CalltrailOptions.Validate"/> at start, so a bad setting stops the server with one clear line.</summary>
internal sealed class CalltrailOptionsValidator : IValidateOptions<CalltrailOptions>
{
    public ValidateOptionsResult Validate(string? name, CalltrailOptions options)
    {
        var failures = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options))
            .Select(r => r.ErrorMessage ?? "invalid")
            .ToArray();
        return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

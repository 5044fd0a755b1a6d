using Calltrail.Server.Access;
using Calltrail.Server.Calls;
using Calltrail.Server.Deciding;
using Calltrail.Server.Health;
using Calltrail.Server.Hosting;
using Calltrail.Server.Http;
using Calltrail.Server.Organization;
using Calltrail.Server.Recording;
using Calltrail.Server.Storage;

// A bare flag is friendlier than "--Calltrail:SeedDemo true"; ASP.NET's command line wants key and value.
var seedDemo = args.Contains("--seed-demo");
// appsettings.json is read from beside the program, wherever it is started from (./data stays where it was started).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = [.. args.Where(a => a != "--seed-demo")],
    ContentRootPath = AppContext.BaseDirectory,
});
if (seedDemo)
{
    builder.Configuration["Calltrail:SeedDemo"] = "true";
}

builder.Services.AddCalltrailHosting(builder.Configuration);
builder.Services.AddCalltrailStorage(builder.Configuration);
builder.Services.AddCalltrailCalls();
builder.Services.AddCalltrailAccess();
builder.Services.AddCalltrailOrganization();
builder.Services.AddCalltrailRecorder(builder.Configuration);
builder.Services.AddOpenApi();
builder.Services.KeepDataProtectionKeysInMemory();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseJsonBodies();
app.MapOpenApi();
app.MapHealth();
app.MapDecide();
app.MapCalls();
app.MapTokens();
app.MapOrganization();
app.MapRecordings();
app.MapRecorder();
app.Run();

/// <summary>The entry point, visible to the server's tests (WebApplicationFactory).</summary>
public partial class Program;

using Calltrail.Server.Access;
using Calltrail.Server.Calls;
using Calltrail.Server.Deciding;
using Calltrail.Server.Health;
using Calltrail.Server.Hosting;
using Calltrail.Server.Organization;
using Calltrail.Server.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCalltrailHosting(builder.Configuration);
builder.Services.AddCalltrailStorage(builder.Configuration);
builder.Services.AddCalltrailCalls();
builder.Services.AddCalltrailAccess();
builder.Services.AddCalltrailOrganization();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi();
app.MapHealth();
app.MapDecide();
app.MapCalls();
app.MapTokens();
app.MapOrganization();
app.Run();

/// <summary>The entry point, visible to the server's tests (WebApplicationFactory).</summary>
public partial class Program;

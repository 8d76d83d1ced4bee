using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WorkOrders.Application.Common.Exceptions;
using WorkOrders.Domain.Common;
using WorkOrders.Infrastructure.Persistence;

namespace WorkOrders.Api.Infrastructure;

/// <summary>The one place where exceptions become RFC 9457 ProblemDetails. Expected outcomes get their
/// status (400, 401, 403, 404, 409, 412, 428); the database being unreachable or busy is a 503 with
/// <c>Retry-After</c> (the client may simply try again); anything else is a 500 with a trace id and no internals.</summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = Map(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, LogSafe.Path(httpContext.Request.Path));
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            LogDatabaseUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, DescribeError(exception));
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        }).ConfigureAwait(false);
    }

    private static ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => JsonPath(e.Key), e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        },
        BadHttpRequestException { InnerException: TextInputException text } => new ValidationProblemDetails(
            new Dictionary<string, string[]> { [FieldOfJsonPath(text.Path)] = [$"'{FieldOfJsonPath(text.Path)}' {text.Reason}"] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        },
        BadHttpRequestException { InnerException: JsonException json } => new ValidationProblemDetails(
            new Dictionary<string, string[]> { [FieldOfJsonPath(json.Path)] = ["The request body is not valid JSON, or a value has the wrong type."] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read.",
        },
        BadHttpRequestException bad when BindingFailure.Match(bad.Message) is { Success: true } m => new ValidationProblemDetails(
            new Dictionary<string, string[]> { [m.Groups["name"].Value] = [$"'{m.Groups["name"].Value}' has an invalid value."] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
        },
        BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && bad.StatusCode != StatusCodes.Status413PayloadTooLarge => new ProblemDetails
        {
            Status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest,
            Title = "The request could not be read.",
            Detail = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
                ? "Send the body as application/json."
                : "A JSON request body is required.",
        },
        // A body whose Content-Type names a charset .NET does not read (utf-7, made-up names).
        InvalidOperationException unsupported
            when unsupported.Message.StartsWith("Unable to read the request as JSON because the request content type charset", StringComparison.Ordinal) => new ProblemDetails
        {
            Status = StatusCodes.Status415UnsupportedMediaType,
            Title = "Unsupported media type.",
            Detail = "Send the body as application/json in UTF-8.",
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest,
            Title = "The request could not be read.",
            Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : SafeDetail(bad.Message),
        },
        AntiforgeryValidationException => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Missing or invalid antiforgery token.",
            Detail = "Send the X-XSRF-TOKEN header with the value of the XSRF-TOKEN cookie.",
        },
        NotFoundException nf => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = nf.Message },
        UnauthenticatedException => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Authentication is required." },
        ForbiddenAccessException f => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = f.Message },
        BusinessRuleException rule => Conflict(rule),
        PreconditionFailedException pf => new ProblemDetails { Status = StatusCodes.Status412PreconditionFailed, Title = "Precondition failed.", Detail = pf.Message },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status412PreconditionFailed,
            Title = "Precondition failed.",
            Detail = "The resource was changed by someone else. Reload it and apply your change again.",
        },
        IdempotencyKeyReusedException reused => new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Idempotency-Key reused.",
            Detail = reused.Message,
        },
        PreconditionRequiredException pr => new ProblemDetails { Status = StatusCodes.Status428PreconditionRequired, Title = "Precondition required.", Detail = pr.Message },
        _ when DatabaseUnavailable.Is(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The service is temporarily unavailable.",
            Detail = "The database cannot be reached right now. Try again shortly.",
        },
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." },
    };

    /// <summary>409 with the rule's name; an illegal transition also names the current and requested status.</summary>
    private static ProblemDetails Conflict(BusinessRuleException rule)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The request conflicts with the current state.",
            Detail = rule.Message,
            Extensions = { ["rule"] = rule.Rule },
        };
        if (rule.BrokenRule is Domain.WorkOrders.WorkOrderTransitionMustBeAllowed transition)
        {
            problem.Extensions["currentStatus"] = transition.Current.ToString();
            problem.Extensions["requestedStatus"] = transition.Requested.ToString();
        }

        return problem;
    }

    /// <summary>Field names as the client wrote them: camelCase per segment (<c>Contact.Email</c> → <c>contact.email</c>).</summary>
    private static string JsonPath(string property) => string.Join('.', property.Split('.').Select(segment =>
        segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));

    /// <summary>The framework's binding failure: <c>Failed to bind parameter "Type name" from "value".</c></summary>
    private static readonly System.Text.RegularExpressions.Regex BindingFailure = new(
        "^Failed to bind parameter \"[^\"]* (?<name>[A-Za-z0-9_]+)\" from", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>A JSON path (<c>$.contact.email</c>, <c>$.ids[3]</c>) as the field key validation errors use
    /// (<c>contact.email</c>, <c>ids[3]</c>); the whole body is <c>body</c>.</summary>
    private static string FieldOfJsonPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>Framework binding messages name parameters, never internals; keep them but cut them short.</summary>
    private static string SafeDetail(string message) => message.Length > 300 ? message[..300] : message;

    /// <summary>What a 503 asks the client to wait, in seconds.</summary>
    public const int RetryAfterSeconds = 2;

    private static string DescribeError(Exception exception) => WorkOrders.Infrastructure.Jobs.OutboxProcessor.Describe(exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable for {Method} {Path}: {Error}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, string path, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}

using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components;

namespace Flux.OpsCenter.Web.Assistant;

/// <summary>
/// Renders the agent's markdown for the drawer. Raw HTML in the answer is shown as text, never as markup, and a link
/// keeps its target only when it is http(s) or relative: an answer can never inject script or a <c>javascript:</c> link.
/// </summary>
public static class AssistantMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    /// <summary>The markdown as safe HTML.</summary>
    public static MarkupString ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = null;
            }
        }

        return new MarkupString(document.ToHtml(Pipeline));
    }

    private static bool IsSafe(string? url) =>
        url is null
        || url.StartsWith('/') || url.StartsWith('#')
        || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}

package dev.baton.insight.simulation;

import java.util.List;
import java.util.Map;

/**
 * Every word the simulator writes into titles, briefs, reasons and comments, in one place. The
 * lists are small on purpose and everything in them is made up: the customers, partners and
 * features are fictional, and the themes are what any B2B SaaS go-to-market team talks about.
 * The model supplies the rest (work types, field names, enum values, people, metrics), so the
 * text stays in the model's language.
 *
 * <p>Patterns name their slots in braces, filled by {@link Story}: {@code {theme}},
 * {@code {segment}}, {@code {region}}, {@code {audience}} (plural) and {@code {audience1}}
 * (singular), {@code {channel}}, {@code {feature}}, {@code {customer}}, {@code {partner}},
 * {@code {city}}, {@code {requester}} and {@code {colleague}} (first names: who asked, who would
 * do the work), {@code {quarter}} and {@code {next-quarter}} ("Q2"), {@code {month}} and
 * {@code {next-month}} ("April"), {@code {n}} (a small count), {@code {person}} (the first name of
 * someone in the model), {@code {metric}} (a success metric of the work type), {@code {parent}}
 * (the title of the item's parent), {@code {pain}} and {@code {promise}} (of the theme). A slot
 * written with a capital ({@code {Theme}}) starts with a capital letter.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /**
     * What a piece of work is about: a theme with the features that serve it, the pain its
     * buyers feel (a clause) and what the product promises them (a verb phrase).
     */
    record Theme(String name, List<String> features, String pain, String promise) {
    }

    static final List<Theme> THEMES = List.of(
            new Theme("data governance", List.of("Row-level security", "Audit log"),
                    "nobody can say who changed a metric or who can see which rows", "know who sees and changes what"),
            new Theme("usage-based pricing", List.of("Usage-based alerts", "Cost explorer"),
                    "finance only sees usage costs when the invoice arrives", "see usage costs before the invoice does"),
            new Theme("self-serve analytics", List.of("Natural-language search", "Starter dashboards"),
                    "business teams wait days for answers to simple questions", "answer their own questions"),
            new Theme("forecast accuracy", List.of("Forecast explorer", "Scenario planning"),
                    "forecasts live in spreadsheets nobody trusts", "forecast from one trusted model"),
            new Theme("embedded analytics", List.of("Embedded SDK", "White-label themes"),
                    "product teams hand-build charts for every customer", "ship customer-facing dashboards in days"),
            new Theme("warehouse cost control", List.of("Query cost guardrails", "Idle compute alerts"),
                    "warehouse bills grow faster than usage", "keep warehouse spend in line with value"),
            new Theme("metric consistency", List.of("Metric catalog", "Semantic layer"),
                    "two dashboards show two different revenue numbers", "work from one definition of every metric"),
            new Theme("board reporting", List.of("Board pack builder", "Scheduled exports"),
                    "the monthly board pack takes a week of copy and paste", "build the board pack in an afternoon"),
            new Theme("churn signals", List.of("Account health scores", "Churn risk digest"),
                    "customer success hears about churn risk too late", "spot churn risk a quarter earlier"),
            new Theme("data quality", List.of("Anomaly detection", "Freshness checks"),
                    "executives find broken pipelines before engineers do", "catch bad data before it reaches a dashboard"),
            new Theme("security reviews", List.of("Team SSO", "Access reviews"),
                    "security questionnaires stall deals for weeks", "pass security reviews without a fire drill"),
            new Theme("pipeline visibility", List.of("Pipeline dashboards", "Two-way CRM sync"),
                    "sales and marketing argue about whose pipeline it is", "agree on one view of pipeline"),
            new Theme("AI-assisted insights", List.of("Insight summaries", "Ask-your-data assistant"),
                    "analysts spend Mondays writing the same weekly summary", "get the weekly story written for them"),
            new Theme("team collaboration", List.of("Slack digests", "Shared notebooks"),
                    "insights die in screenshots and direct messages", "share live answers instead of screenshots"));

    static final List<String> SEGMENTS = List.of("mid-market", "enterprise", "SMB", "scale-up", "fintech",
            "healthcare", "retail", "logistics");
    static final List<String> REGIONS = List.of("EMEA", "North America", "DACH", "UK & Ireland", "APAC", "Nordics");
    /** Audiences, plural and singular. */
    static final List<List<String>> AUDIENCES = List.of(List.of("CFOs", "CFO"), List.of("data leaders", "data leader"),
            List.of("RevOps managers", "RevOps manager"), List.of("analytics engineers", "analytics engineer"),
            List.of("heads of finance", "head of finance"), List.of("product managers", "product manager"),
            List.of("IT admins", "IT admin"), List.of("COOs", "COO"));
    static final List<String> CHANNELS = List.of("webinar", "paid social", "email nurture", "SEO", "partner co-marketing",
            "field event", "LinkedIn ads", "ABM", "podcast", "review sites", "retargeting", "community");
    /** Fictional customers and partners. */
    static final List<String> CUSTOMERS = List.of("Acme Freight", "Bluefin Health", "Copperleaf Bank", "Driftwood Retail",
            "Evergreen Logistics", "Foxglove Insurance", "Granite Cloud", "Harbor & Finch", "Juniper Payments", "Kinetic Labs");
    static final List<String> PARTNERS = List.of("Polar Warehouse", "Kestrel CRM", "Lattice ERP", "Summit Consulting");
    static final List<String> CITIES = List.of("London", "Berlin", "Austin", "Toronto", "Amsterdam", "Chicago", "Sydney");
    static final List<String> QUALIFIERS = List.of("", "v2", "beta", "GA", "in the EU region", "for admins", "API",
            "on mobile", "for Kestrel CRM", "for Polar Warehouse");
    static final List<String> CALLS_TO_ACTION = List.of("Book a demo", "Start a free trial", "Download the guide",
            "Register for the webinar", "Talk to sales", "Read the customer story", "Take the interactive tour",
            "Get the checklist");
    static final List<String> LAUNCH_ASSETS = List.of("sales deck", "battlecard", "FAQ", "launch blog post", "demo video",
            "release email", "one-pager", "in-app announcement");
    static final List<Integer> COUNTS = List.of(3, 4, 5, 6, 7, 9, 10, 12);

    // ---- titles, by what the work is -----------------------------------------------------------

    static final List<String> PROGRAM_TITLES = List.of(
            "{quarter} {segment} pipeline push: {theme}",
            "{quarter} {region} expansion: {theme}",
            "{quarter} {audience} program: {theme}",
            "{quarter} win-back of {segment} accounts: {theme}",
            "{quarter} customer expansion: {theme} in {segment}",
            "{quarter} category story for {audience}: {theme}");

    static final List<String> CAMPAIGN_TITLES = List.of(
            "{quarter} {segment} webinar series: {theme}",
            "{region} ABM: {theme} for {audience}",
            "{month} nurture: {theme} for {segment} accounts",
            "{segment} paid social: {theme} for {audience}",
            "Partner co-marketing with {partner}: {theme}",
            "{month} roadshow in {city}: {theme}",
            "{region} {channel} campaign: {theme}",
            "Customer expansion: {theme} for {segment} accounts",
            "{segment} trial-to-paid nudges: {theme}");

    static final List<String> LAUNCH_TITLES = List.of(
            "Launch: {feature} {qualifier}",
            "Launch: {feature} {qualifier}",
            "Launch: {feature} for {segment} teams");

    static final List<String> EVENT_TITLES = List.of(
            "Webinar: {theme} for {audience}",
            "{month} webinar: {theme} with {customer}",
            "{Segment} live demo: {feature}",
            "Panel: {theme} in {segment}",
            "{region} office hours: {theme}",
            "Fireside chat: {customer} on {theme}");

    /** Asset titles by format, the ids an enum of formats uses; the prefix before ": " names the format. */
    static final Map<String, List<String>> ASSET_TITLES = Map.of(
            "ebook", List.of("Ebook: The {audience1}'s guide to {theme}", "Ebook: {Theme} for {segment} teams",
                    "Ebook: {n} {theme} mistakes {audience} make"),
            "blog-post", List.of("Blog: {n} signs you have outgrown your {theme} setup",
                    "Blog: How {customer} approaches {theme}", "Blog: {Theme}, explained for {audience}",
                    "Blog: What {audience} get wrong about {theme}"),
            "one-pager", List.of("One-pager: {Theme} for {audience}", "One-pager: {Theme} at a glance for {segment}",
                    "One-pager: {Theme} in {segment}"),
            "video", List.of("Video: {Theme} in 90 seconds for {audience}", "Customer video: {customer} on {theme}",
                    "Video: {Theme} walkthrough for {audience}"),
            "email", List.of("Email: {Theme} nurture for {segment}, touch {n}",
                    "Email: Invite to the {month} webinar on {theme}", "Email: {Segment} follow-up on {theme}"),
            "landing-page", List.of("Landing page: {Theme} for {segment}", "Landing page: {month} webinar on {theme}",
                    "Landing page: {Theme} trial for {audience}"),
            "social", List.of("Social: {Theme} carousel for {audience}", "Social: {n} stats on {theme}",
                    "Social: {customer} quote cards on {theme}"),
            "webinar", EVENT_TITLES);

    /** Titles for work the vocabulary has no word for; {@code {type}} is the work type's name. */
    static final List<String> OTHER_TITLES = List.of("{type}: {theme} for {segment}", "{type}: {theme} for {audience}",
            "{type}: {theme}, {region}");

    // ---- brief fields ---------------------------------------------------------------------------

    static final List<String> OBJECTIVES = List.of(
            "Source {amount} of pipeline from {segment} accounts through {channel}",
            "Book {meetings} meetings with {audience} at {segment} companies",
            "Move {segment} trials to paid with the {theme} story",
            "Grow awareness of {theme} among {audience} in {region}",
            "Re-open stalled {segment} opportunities with proof on {theme}");
    static final List<String> AMOUNTS = List.of("$150k", "$250k", "$400k", "$600k", "$1.2M");
    static final List<String> SEGMENT_NOTES = List.of("{Segment} accounts in {region}; {audience} first",
            "{Segment} companies, 200 to 2,000 employees, {region}", "Existing {segment} customers in {region}");
    static final List<String> AUDIENCE_NOTES = List.of("{Audience} at {segment} companies, where {pain}",
            "{Audience} in {region} who want to {promise}", "{Audience} evaluating {theme} tools this year");
    static final List<String> PROBLEMS = List.of("{Pain}.", "{Pain}: {customer} and other {segment} customers keep raising it.",
            "{Pain}; it comes up in most {segment} renewals.");
    static final List<String> MESSAGES = List.of("Help {audience} {promise}.", "{feature} lets {audience} {promise}.",
            "The fastest way for {segment} teams to {promise}.", "{Promise}, without a ticket to the data team.");
    static final List<String> CONTEXTS = List.of("Sales asked for it for the {region} push.",
            "{customer} asked about {theme} on a renewal call.",
            "We keep losing {segment} deals on {theme}; reps need something to send.",
            "For the {month} webinar on {theme}.",
            "Nothing in the funnel for {audience} at the consideration stage.",
            "CS needs it for {segment} onboarding.");
    static final List<String> KEYWORDS = List.of("{theme} software", "{theme} best practices", "{theme} for {segment}",
            "how to {promise}");
    static final List<String> ANGLES = List.of("Why {pain} is not a tooling problem", "A checklist for {audience}",
            "Lessons from {customer}", "What {segment} teams do differently");
    static final List<String> PROOF_POINTS = List.of("{customer} cut month-end reporting by {n} days",
            "{pct}% of beta accounts used {feature} every week", "{customer} replaced {n} spreadsheets with {feature}",
            "{customer} passed its security review in {n} days");
    static final List<String> OTHER_TEXT = List.of("{Theme} for {segment} {audience}", "{Theme}, {region}");

    // ---- decisions and comments -----------------------------------------------------------------

    static final List<String> ACCEPTED = List.of(
            "Fits the {quarter} {theme} push",
            "Sales asked for it for the {region} push",
            "Supports {parent}",
            "Top of the queue by score",
            "{colleague} has capacity this week",
            "Needed before the {feature} launch",
            "Quick win: reuses the {month} webinar recording",
            "CS flagged renewal risk in {segment} accounts",
            "Moves {metric}, which is behind target",
            "Agreed in Monday's pipeline review",
            "Big {segment} deal in flight; {requester} asked for it");
    static final List<String> DECLINED = List.of(
            "Overlaps with the {month} webinar; fold into it",
            "Duplicate of \u201c{recent}\u201d",
            "No budget until {next-quarter}",
            "Out of scope: we're not targeting {segment} this quarter",
            "Reach too small for the effort; try a {channel} post instead",
            "The existing material on {theme} still does the job",
            "Legal won't approve naming {customer} without a signed reference",
            "Co-branded assets with resellers are on hold",
            "Belongs in the product docs, not marketing");
    /** Deferrals, each with how long: "quarter" (to the next quarter's first day), weeks, or "-" (no date). */
    static final List<List<String>> DEFERRED = List.of(
            List.of("No budget until {next-quarter}", "quarter"),
            List.of("Revisit after the {feature} launch", "4"),
            List.of("The team is at capacity; revisit in three weeks", "3"),
            List.of("Waiting on the {quarter} messaging refresh", "2"),
            List.of("Needs a customer reference first; revisit in two weeks", "2"),
            List.of("Park until the {region} hire starts", "6"),
            List.of("Not now; bring it back at planning", "-"));
    static final List<String> REVISITED = List.of("Revisited: still no budget", "Revisited: the {month} webinar covers it",
            "Revisited: {segment} is off the plan now");
    static final List<String> URGENT = List.of("{customer} renewal call on Thursday needs it",
            "Board meeting next week", "A competitor announced the same thing today",
            "Sales needs it for the {region} QBR", "Escalated by {person}: needed this week");
    static final List<String> REVIEW_ASKS = List.of("Ready for review, {approver}; the {theme} section is new",
            "Over to you, {approver}. Shortened the intro as discussed",
            "Ready for a look, {approver}; I kept the {segment} proof points in");
    /** When the person asking is also the approver. */
    static final List<String> SELF_REVIEWS = List.of("Reviewing this myself today; shout if you want a say",
            "Giving it a last read against the brief", "Checking the {segment} proof points before I sign off");
    static final List<String> GRANTED = List.of("Looks good", "Approved with two small copy edits", "Ship it",
            "Good to go; nice work on the {theme} section");
    static final List<String> DENIED = List.of("Headline undersells the {theme} angle; another pass please",
            "Needs a proof point from one of our {segment} customers", "The call to action is buried; move it up",
            "Numbers don't match the brief; check with {person}", "Too long for {audience}; cut it by a third",
            "Off-brand visuals; use the new templates");
    static final List<String> MOVES = List.of("{stage} done; {next} next", "Agreed in Monday's stand-up; moving on",
            "Signed off by {person} on Slack", "Parking the {segment} variant for now; moving on");
    static final List<String> HANDOVERS = List.of("All yours, {receiver}; ping me about the {segment} angle",
            "Over to you, {receiver}. Everything is linked in the brief",
            "{receiver}, the {theme} proof points are in the doc");
    static final List<String> BOUNCES = List.of("Missing the {field}; can't take it over without it",
            "No {field} yet; send it back with it", "Can't start without the {field}");
    static final List<String> REWORKS = List.of("Back to {stage}: the tracking links are broken",
            "Back to {stage}: the claims need another look",
            "Back to {stage}: the numbers don't match the brief",
            "Back to {stage}: the {segment} proof point fell through");
    static final List<String> DONE = List.of("Wrapped up; results go into the {month} review", "Done, thanks all",
            "Shipped; shared it in the marketing channel", "Closed; {person} has the numbers");
}

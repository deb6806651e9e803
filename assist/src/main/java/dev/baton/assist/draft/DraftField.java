package dev.baton.assist.draft;

/**
 * One field of a draft and where its value comes from, so that a person sees what is stated and
 * what is borrowed before taking it.
 *
 * @param value  text, a number, an ISO date (text) or a list of texts, as the field's type asks
 * @param source {@code request} (the request states it), {@code similar:ITEM-ID} (taken from that
 *               past brief), {@code model} (the work type's declared success metric) or
 *               {@code ai:MODEL} (a configured model read it from the request)
 */
public record DraftField(Object value, String source) {

    public static final String REQUEST = "request";
    public static final String MODEL = "model";

    public static String similar(String workId) {
        return "similar:" + workId;
    }
}

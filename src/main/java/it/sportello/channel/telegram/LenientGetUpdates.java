package it.sportello.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * {@code getUpdates} that reads each update on its own: the library reads the batch as one list, so a single
 * update it cannot read would fail the batch again and again and stop the bot. An unreadable update comes
 * back as an empty one with only its id, so that the poller moves past it.
 */
final class LenientGetUpdates extends GetUpdates {

    private static final Logger LOG = LoggerFactory.getLogger(LenientGetUpdates.class);

    LenientGetUpdates(Integer offset, int limit, int timeoutSeconds, List<String> allowedUpdates) {
        super(offset, limit, timeoutSeconds, allowedUpdates);
    }

    @Override
    public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = OBJECT_MAPPER.readTree(answer);
        } catch (Exception e) {
            throw new TelegramApiRequestException("Unable to deserialize response", e);
        }
        if (root == null || !root.path("ok").asBoolean(false) || !root.path("result").isArray()) {
            return super.deserializeResponse(answer);
        }
        ArrayList<Update> updates = new ArrayList<>();
        for (JsonNode node : root.get("result")) {
            try {
                updates.add(OBJECT_MAPPER.treeToValue(node, Update.class));
            } catch (Exception e) {
                JsonNode id = node.path("update_id");
                LOG.atWarn().setMessage("telegram update skipped: cannot be read")
                        .addKeyValue("update", id.isIntegralNumber() ? id.asInt() : null)
                        .addKeyValue("error", e.getClass().getSimpleName()).log();
                if (id.isIntegralNumber()) {
                    Update placeholder = new Update();
                    placeholder.setUpdateId(id.asInt());
                    updates.add(placeholder);
                }
            }
        }
        return updates;
    }
}

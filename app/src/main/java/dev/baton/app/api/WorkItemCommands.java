package dev.baton.app.api;

import dev.baton.engine.item.WorkItemCommand;
import dev.baton.engine.item.WorkItemCommand.AcceptHandoff;
import dev.baton.engine.item.WorkItemCommand.Approve;
import dev.baton.engine.item.WorkItemCommand.AssignOwner;
import dev.baton.engine.item.WorkItemCommand.Block;
import dev.baton.engine.item.WorkItemCommand.Comment;
import dev.baton.engine.item.WorkItemCommand.Complete;
import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.engine.item.WorkItemCommand.Deny;
import dev.baton.engine.item.WorkItemCommand.HandOff;
import dev.baton.engine.item.WorkItemCommand.MarkUrgent;
import dev.baton.engine.item.WorkItemCommand.MoveTo;
import dev.baton.engine.item.WorkItemCommand.RejectHandoff;
import dev.baton.engine.item.WorkItemCommand.Reopen;
import dev.baton.engine.item.WorkItemCommand.RequestApproval;
import dev.baton.engine.item.WorkItemCommand.SetPriorityInputs;
import dev.baton.engine.item.WorkItemCommand.Unblock;
import dev.baton.engine.item.WorkItemCommand.UpdateFields;

/**
 * A command on a work item from its REST name ({@link WorkItemCommand#NAMES}) and JSON body.
 * Only the shape is checked here (members present, of the right JSON type); whether the command
 * is allowed is the engine's decision.
 */
public final class WorkItemCommands {

    private WorkItemCommands() {
    }

    public static WorkItemCommand parse(String name, JsonBody body) {
        WorkItemCommand command = switch (name) {
            case "create" -> new CreateItem(body.text("workType", true), body.text("title", true),
                    body.fields("fields", false), body.text("parent", false), body.text("fromRequest", false));
            case "update-fields" -> new UpdateFields(body.fields("fields", true));
            case "assign-owner" -> new AssignOwner(body.text("owner", true));
            case "move-to" -> new MoveTo(body.text("stage", true));
            case "request-approval" -> new RequestApproval();
            case "approve" -> new Approve(body.text("comment", false));
            case "deny" -> new Deny(body.text("comment", false));
            case "hand-off" -> new HandOff(body.text("toStage", false));
            case "accept-handoff" -> new AcceptHandoff();
            case "reject-handoff" -> new RejectHandoff(body.text("reason", true));
            case "block" -> new Block(body.text("reason", true));
            case "unblock" -> new Unblock(body.text("reason", false));
            case "comment" -> new Comment(body.text("text", true));
            case "mark-urgent" -> new MarkUrgent(body.text("reason", false));
            case "set-priority-inputs" -> new SetPriorityInputs(body.numbers("inputs"));
            case "complete" -> new Complete();
            case "reopen" -> new Reopen(body.text("stage", false), body.text("reason", false));
            default -> throw CommandResults.unknownCommand(name, WorkItemCommand.NAMES);
        };
        body.check();
        return command;
    }
}

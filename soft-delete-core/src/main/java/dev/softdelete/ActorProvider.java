package dev.softdelete;

/**
 * Supplies the actor recorded in the {@link SoftDelete#deletedBy()} attribute of a deleted row,
 * typically the name of the authenticated user.
 *
 * <pre>{@code
 * settings.put(SoftDeleteSettings.ACTOR_PROVIDER,
 *         (ActorProvider) () -> SecurityContextHolder.getContext().getAuthentication().getName());
 * }</pre>
 *
 * It is called once per {@code remove()}, on the thread that calls it.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ActorProvider {

    /**
     * The actor responsible for the deletes happening now.
     *
     * @return the actor, or {@code null} if unknown
     */
    String currentActor();
}

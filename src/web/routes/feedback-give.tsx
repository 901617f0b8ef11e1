// /events/:eventId/feedback/:activityId? — a participant's feedback on an activity or the event.
import type { RouteMeta } from '../app/route-meta';
import { FeedbackGivePage } from '../features/feedback/FeedbackGivePage';

export const route: RouteMeta = { path: '/events/:eventId/feedback/:activityId?' };

export default FeedbackGivePage;

import { DeleteOutlined } from '@ant-design/icons'
import { Button, Form, Input, List, Popconfirm, Tag } from 'antd'
import type { WorkOrderDto } from '../../../api'
import { problemMessage, toProblem } from '../../../api/problem'
import { useFeedback } from '../../../shared/feedback'
import { applyProblemToForm } from '../../../shared/forms'
import { formatDateTime } from '../../../shared/format'
import { useAddComment, useDeleteComment } from '../api'

/** The comments, oldest first (staff and the customer's, from the portal), and a box to add one. */
export function CommentsTab({ workOrder, canComment, canDelete }: { workOrder: WorkOrderDto; canComment: boolean; canDelete: boolean }) {
  const { message } = useFeedback()
  const add = useAddComment(workOrder.id)
  const remove = useDeleteComment(workOrder.id)
  const [form] = Form.useForm<{ text: string }>()

  return (
    <div data-testid="comments-tab">
      <List
        size="small"
        dataSource={workOrder.comments}
        locale={{ emptyText: 'No comments yet.' }}
        renderItem={(comment) => (
          <List.Item
            actions={
              canDelete
                ? [
                    <Popconfirm
                      key="delete"
                      title="Delete this comment?"
                      description="It is hidden from every list; the audit trail keeps it."
                      okText="Delete"
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        remove.mutateAsync(comment.id).then(
                          () => message.success('Comment deleted.'),
                          (error) => message.error(problemMessage(toProblem(error))),
                        )
                      }
                    >
                      <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={`Delete comment by ${comment.authorName}`} />
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              title={
                <span>
                  {comment.authorName} {comment.byCustomer && <Tag color="blue">Customer</Tag>}
                  <span className="muted" style={{ fontWeight: 'normal' }}>
                    {' '}
                    · {formatDateTime(comment.createdAt)}
                  </span>
                </span>
              }
              description={<span className="pre-line">{comment.text}</span>}
            />
          </List.Item>
        )}
      />
      {canComment && (
        <Form
          form={form}
          layout="vertical"
          className="dense-form"
          style={{ marginTop: 12 }}
          onFinish={async ({ text }) => {
            try {
              await add.mutateAsync(text.trim())
              form.resetFields()
              message.success('Comment added.')
            } catch (error) {
              const { unplaced, problem } = applyProblemToForm(form, error)
              if (unplaced.length || !Object.keys(problem.errors).length) message.error(problemMessage(problem))
            }
          }}
        >
          <Form.Item label="Add a comment" name="text" rules={[{ required: true, whitespace: true, message: 'Write the comment first.' }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            Add comment
          </Button>
        </Form>
      )}
    </div>
  )
}
